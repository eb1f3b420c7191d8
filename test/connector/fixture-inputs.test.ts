import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import connector from '../../connector';
import { writeSettingsFile } from '../../sandbox/index';
import { useSandboxFixture } from '../helpers/sandbox-session';
import { runCliCaptured } from '../helpers/run-cli-captured';

const INPUTS = path.join(__dirname, '..', '..', 'fixtures', 'inputs');

// One sandbox for the file, not reset between tests, as the CLI runs against its settings file.
const f = useSandboxFixture({ resetBeforeEach: false });
let dir: string;
let settingsFile: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fixture-inputs-'));
  settingsFile = path.join(dir, 's.json');
  await writeSettingsFile(settingsFile, f.sandbox.settings);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function exec(
  target: string,
  input?: string,
): Promise<{ code: number; out: unknown; err: string }> {
  const argv = ['exec', target, '--settings', settingsFile, '--connection', 'us'];
  if (input !== undefined) argv.push('--input', path.join(INPUTS, input));
  const { code, stdout, stderr } = await runCliCaptured(argv, { cwd: dir, env: {} });
  return { code, out: code === 0 ? (JSON.parse(stdout) as unknown) : undefined, err: stderr };
}

describe('fixtures/inputs', () => {
  it('has one input per action and trigger', async () => {
    const files = (await fs.readdir(INPUTS)).filter((name) => name.endsWith('.json')).sort();
    const keys = [...Object.keys(connector.actions), ...Object.keys(connector.triggers)];
    expect(files).toEqual(keys.map((key) => `${key}.json`).sort());
    const readme = await fs.readFile(path.join(INPUTS, 'README.md'), 'utf8');
    for (const file of files) expect(readme).toContain(`\`${file}\``);
  });

  // In the order the README gives: get_journal_entry reads what post_journal_entry booked.
  it.each([
    ['actions.search_inbox_tasks', 'search_inbox_tasks.json', { complete: true }],
    ['actions.get_inbox_task', 'get_inbox_task.json', { id: '43229f94b95d6f17b238a0139a02dc9d' }],
    [
      'actions.approve_reject_inbox_task',
      'approve_reject_inbox_task.json',
      { decision: 'approve' },
    ],
    [
      'actions.post_journal_entry',
      'post_journal_entry.json',
      { journal_id: 'JE-SAMPLE-20260331-0001', duplicate: false },
    ],
    [
      'actions.get_journal_entry',
      'get_journal_entry.json',
      { journal_id: 'JE-SAMPLE-20260331-0001', line_count: 2 },
    ],
    ['actions.get_worker', 'get_worker.json', { descriptor: 'Logan McNeil' }],
    ['actions.search_workers', 'search_workers.json', { complete: true }],
    ['actions.custom_action', 'custom_action.json', { status: 200 }],
    ['triggers.new_inbox_task', 'new_inbox_task.json', { can_poll_more: false }],
  ])('%s runs with %s through connector exec', async (target, input, expected) => {
    const { code, out, err } = await exec(target, input);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatchObject(expected);
  });

  it.each(['currencies', 'ledger_accounts', 'journal_sources', 'companies'])(
    'pick_lists.%s runs through connector exec',
    async (name) => {
      const { code, out } = await exec(`pick_lists.${name}`);
      expect(code).toBe(0);
      expect(Array.isArray(out) && out.length > 0).toBe(true);
    },
  );
});
