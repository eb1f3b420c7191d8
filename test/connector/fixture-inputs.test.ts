import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import connector from '../../connector';
import { writeSettingsFile } from '../../sdk/settings';
import { useSandboxFixture } from '../helpers/sandbox-session';
import { runCliCaptured } from '../helpers/run-cli-captured';

const INPUTS = path.join(__dirname, '..', '..', 'fixtures', 'inputs');
const TENANT_FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'sandbox', 'acme-us.json');
/** The integration system user behind the connection `us`. */
const ISU = 'ISU_Connector_US';

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

  /** The ISU's inbox tasks of the sandbox fixture with this step type and status. */
  async function isuTasks(stepType: string, status: string): Promise<string[]> {
    const tenant = JSON.parse(await fs.readFile(TENANT_FIXTURE, 'utf8')) as {
      inboxTasks: Array<{ id: string; assignee: string; stepType: string; status: string }>;
    };
    return tenant.inboxTasks
      .filter((t) => t.assignee === ISU && t.stepType === stepType && t.status === status)
      .map((t) => t.id);
  }

  // What each input does, as fixtures/inputs/README.md describes it. In the order the README
  // gives: get_journal_entry reads what post_journal_entry booked.
  it.each<[string, string, (out: unknown) => Promise<void> | void]>([
    [
      'actions.search_inbox_tasks',
      'search_inbox_tasks.json',
      // "The ISU's Approval tasks awaiting action": exactly those of the tenant fixture.
      async (out) => {
        const expected = await isuTasks('Approval', 'Awaiting Action');
        expect(expected.length).toBeGreaterThan(0);
        expect(out).toMatchObject({ complete: true });
        const { tasks } = out as {
          tasks: Array<{ id: string; stepType?: { descriptor?: string }; status?: unknown }>;
        };
        expect(tasks.length).toBeGreaterThan(0);
        for (const task of tasks) {
          expect(task).toMatchObject({
            stepType: { descriptor: 'Approval' },
            status: { descriptor: 'Awaiting Action' },
          });
        }
        expect(tasks.map((t) => t.id).sort()).toEqual([...expected].sort());
      },
    ],
    [
      'actions.get_inbox_task',
      'get_inbox_task.json',
      (out) => expect(out).toMatchObject({ id: '43229f94b95d6f17b238a0139a02dc9d' }),
    ],
    [
      'actions.approve_reject_inbox_task',
      'approve_reject_inbox_task.json',
      (out) => expect(out).toMatchObject({ decision: 'approve' }),
    ],
    [
      'actions.post_journal_entry',
      'post_journal_entry.json',
      (out) =>
        expect(out).toMatchObject({ journal_id: 'JE-SAMPLE-20260331-0001', duplicate: false }),
    ],
    [
      'actions.get_journal_entry',
      'get_journal_entry.json',
      (out) => expect(out).toMatchObject({ journal_id: 'JE-SAMPLE-20260331-0001', line_count: 2 }),
    ],
    [
      'actions.get_worker',
      'get_worker.json',
      (out) => expect(out).toMatchObject({ descriptor: 'Logan McNeil' }),
    ],
    [
      'actions.search_workers',
      'search_workers.json',
      // "Workers whose name contains McNeil": Logan McNeil is the only one in the tenant fixture.
      (out) => {
        expect(out).toMatchObject({ complete: true });
        const { workers } = out as { workers: Array<{ descriptor?: string }> };
        expect(workers.map((w) => w.descriptor)).toEqual(['Logan McNeil']);
      },
    ],
    [
      'actions.custom_action',
      'custom_action.json',
      // "GET common/v1/{tenant}/workers?limit=5": the tenant has more, so one page of five.
      (out) => {
        expect(out).toMatchObject({ status: 200 });
        const page = (out as { data: { data: unknown } }).data.data;
        expect(Array.isArray(page)).toBe(true);
        expect(page).toHaveLength(5);
        for (const worker of page as unknown[])
          expect(worker).toMatchObject({ id: expect.any(String), descriptor: expect.any(String) });
      },
    ],
    [
      'triggers.new_inbox_task',
      'new_inbox_task.json',
      (out) => expect(out).toMatchObject({ can_poll_more: false }),
    ],
  ])('%s runs with %s through connector exec', async (target, input, check) => {
    const { code, out, err } = await exec(target, input);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    await check(out);
  });

  // The import draws its progress on stderr (plain lines: not a terminal); stdout is the result.
  it('actions.import_journal_entry imports the CSV of import_journal_entry.json, then get_import_status reads it', async () => {
    const argv = ['exec', 'actions.import_journal_entry', '--settings', settingsFile];
    argv.push('--connection', 'us', '--input', path.join(INPUTS, 'import_journal_entry.json'));
    // The CSV path in the input is relative to the working directory: the repository.
    const run = await runCliCaptured(argv, { cwd: path.join(__dirname, '..', '..'), env: {} });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      journal_id: 'JE-SAMPLE-IMPORT-20260331-0001',
      state: 'completed',
      line_count: 4,
      total_debit: '2310.75',
      import_process: [
        { type: 'WID' },
        { type: 'Background_Process_Instance_ID', value: 'BACKGROUND_PROCESS_INSTANCE-6-1' },
      ],
    });
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Validating: 4 lines');
    expect(lines).toContain('Uploading: 4/4 lines');
    expect(lines.at(-1)).toBe('Workday processing: 100% (Completed)');

    const { code, out } = await exec('actions.get_import_status', 'get_import_status.json');
    expect(code).toBe(0);
    expect(out).toMatchObject({ state: 'completed', journal_status: 'Posted', messages: [] });
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
