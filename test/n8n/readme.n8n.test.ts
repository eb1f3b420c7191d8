/**
 * The README's "Trying it in n8n" section is true: its command (`npm run n8n`) runs in the
 * background as a user would run it, prints the editor URL and a login that n8n's REST login
 * accepts, and the editor then has the Workday node type, the sandbox credential and every example
 * workflow of fixtures/n8n/. Ctrl-C (SIGINT to the command's process group) stops n8n and the
 * sandbox: afterwards no process of the demo is left and nothing listens on their ports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { startBackground, waitWhileRunning } from '../helpers/background-command';
import type { BackgroundCommand } from '../helpers/background-command';
import { ROOT } from '../helpers/build-dist';
import { shellBlockAfter, stripComment } from '../helpers/readme';
import { waitFor } from '../helpers/wait-for';
import { ISU_CREDENTIAL_TYPE, NODE_TYPE, TRIGGER_TYPE } from '../../tools/n8n/workflows';

/** Installing (cached), building and starting n8n on a loaded two-core machine. */
const START_TIMEOUT = 600_000;
const STOP_TIMEOUT = 90_000;

const SECTION = '### Trying it in n8n';
const EXAMPLES = path.join(ROOT, 'fixtures', 'n8n');

let command: BackgroundCommand | undefined;
let printed: { editor: URL; email: string; password: string; sandbox: URL } | undefined;
let cookie = '';

afterAll(() => {
  // Only reached with the command still running when a test failed before stopping it.
  command?.stop();
});

/** The value printed after `label:` in the command's output. */
function printedValue(label: string): string | undefined {
  return new RegExp(`^${label}:\\s+(\\S+)`, 'm').exec(command?.stdout() ?? '')?.[1];
}

/** Whether something accepts TCP connections on `port` of 127.0.0.1. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** PIDs of live processes whose environment points n8n at `userFolder`. */
function processesOf(userFolder: string): number[] {
  const needle = `N8N_USER_FOLDER=${userFolder}\0`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle);
      } catch {
        return false; // Gone meanwhile, or not ours to read.
      }
    })
    .map(Number);
}

/** Whether any process of process group `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function rest<T>(route: string): Promise<T> {
  const response = await fetch(new URL(`rest/${route}`, printed?.editor), { headers: { cookie } });
  if (!response.ok)
    throw new Error(`GET /rest/${route}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

it(
  "starts with the section's command and prints the editor URL and login",
  async () => {
    const commands = shellBlockAfter(SECTION).map(stripComment);
    expect(commands).toEqual(['npm run n8n']);
    command = startBackground(commands[0] ?? '', ROOT);
    await waitWhileRunning(
      command,
      'it printed the editor URL and login',
      () => printedValue('password') !== undefined,
      { timeoutMs: START_TIMEOUT },
    );
    printed = {
      editor: new URL(printedValue('n8n editor') ?? ''),
      email: printedValue('login') ?? '',
      password: printedValue('password') ?? '',
      sandbox: new URL(printedValue('sandbox') ?? ''),
    };
    expect(printed.editor.hostname).toBe('127.0.0.1');
    expect(printed.sandbox.hostname).toBe('127.0.0.1');
    expect(printed.email).toMatch(/@/);
  },
  START_TIMEOUT + 30_000,
);

it("logs in over n8n's REST login with the printed login", async () => {
  const response = await fetch(new URL('rest/login', printed?.editor), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ emailOrLdapLoginId: printed?.email, password: printed?.password }),
  });
  expect(response.status).toBe(200);
  const user = ((await response.json()) as { data: { email: string; role: string } }).data;
  expect(user).toMatchObject({ email: printed?.email, role: 'global:owner' });
  cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^n8n-auth=/);
});

it('has the Workday node and trigger types loaded in the editor', async () => {
  const response = await fetch(new URL('types/nodes.json', printed?.editor), {
    headers: { cookie },
  });
  expect(response.status).toBe(200);
  const types = (await response.json()) as Array<{ name: string; displayName: string }>;
  const names = types.map((type) => type.name);
  expect(names).toEqual(expect.arrayContaining([NODE_TYPE, TRIGGER_TYPE]));
  expect(types.find((type) => type.name === NODE_TYPE)?.displayName).toBe('Workday');
});

it('has the sandbox credential "Workday (ISU)" and every Workday example workflow imported', async () => {
  const credentials = await rest<Array<{ name: string; type: string }>>('credentials');
  expect(credentials).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'Workday (ISU)', type: ISU_CREDENTIAL_TYPE }),
    ]),
  );
  // fixtures/n8n/ also holds the other connectors' examples; the Workday ones use its nodes.
  const examples = readdirSync(EXAMPLES)
    .filter((file) => file.endsWith('.json'))
    .map(
      (file) =>
        JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as {
          name: string;
          nodes: Array<{ type: string }>;
        },
    );
  const expected = examples
    .filter((workflow) =>
      workflow.nodes.some((node) => node.type === NODE_TYPE || node.type === TRIGGER_TYPE),
    )
    .map((workflow) => workflow.name);
  expect(expected.length).toBeGreaterThanOrEqual(3);
  expect(expected.length).toBeLessThan(examples.length);
  const workflows = await rest<Array<{ name: string }>>('workflows');
  expect(workflows.map((workflow) => workflow.name).sort()).toEqual(expected.sort());
});

it(
  'stops n8n and the sandbox on Ctrl-C, leaving no process and nothing listening',
  async () => {
    const pgid = command?.child.pid;
    if (pgid === undefined || printed === undefined) throw new Error('the command did not start');
    const userFolder = path.join(ROOT, '.tmp', 'n8n-demo', 'home');
    expect(processesOf(userFolder).length).toBeGreaterThan(0);
    const ports = [Number(printed.editor.port), Number(printed.sandbox.port)];
    await expect(Promise.all(ports.map(listening))).resolves.toEqual([true, true]);

    // What Ctrl-C in a terminal does: SIGINT to the foreground process group.
    process.kill(-pgid, 'SIGINT');
    await waitFor(
      'the demo and n8n to exit',
      () => !groupAlive(pgid) && processesOf(userFolder).length === 0,
      { timeoutMs: STOP_TIMEOUT, intervalMs: 250 },
    );
    await expect(Promise.all(ports.map(listening))).resolves.toEqual([false, false]);
    command = undefined;
  },
  STOP_TIMEOUT + 30_000,
);
