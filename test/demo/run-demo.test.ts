import { runDemo } from '../../cli/demo/run-demo';
import { createRedactor } from '../../sdk/redact';
import { createSession } from '../../sdk/runtime';
import { startSandbox } from '../../sandbox/index';
import connector from '../../connector';
import type { FaultSpec } from '../../sandbox/types';
import type { LoadedConnector } from '../../cli/load-connector';

async function demoWithFaults(
  faults: FaultSpec,
): Promise<{ code: number; out: string; origin: string }> {
  let out = '';
  let origin = '';
  const code = await runDemo({
    definition: connector as unknown as LoadedConnector,
    createSession: (definition, options) => createSession(definition, options),
    startSandbox: async () => {
      const handle = await startSandbox();
      handle.setFaults(faults);
      origin = handle.origin;
      return handle;
    },
    redactor: createRedactor(),
    write: (text) => (out += text),
    keep: false,
    waitForStop: () => Promise.resolve(),
  });
  return { code, out, origin };
}

async function isListening(origin: string): Promise<boolean> {
  return fetch(`${origin}/_sandbox/state`).then(
    () => true,
    () => false,
  );
}

describe('runDemo()', () => {
  it('stops at the step whose result is wrong, names it and exits non-zero', async () => {
    const { code, out, origin } = await demoWithFaults({ revokeRefreshTokens: true });
    expect(code).toBe(1);
    expect(out).toContain(
      "✗ step 1 (Doctor: us and us_limited) FAILED: [internal] doctor found problems with connection 'us', which should be healthy",
    );
    expect(out).toContain('Manage Refresh Tokens for Integrations');
    expect(out).not.toContain('[2/5]');
    expect(out).not.toContain('demo ok');
    expect(await isListening(origin)).toBe(false);
  }, 30_000);

  it('exits with the failing error’s exit code when a remote call fails mid-demo', async () => {
    const { code, out, origin } = await demoWithFaults({
      serverError: { status: 503, match: 'Submit_Accounting_Journal' },
    });
    expect(out).toContain('✓ sandbox: Awaiting Action −2, Successfully Completed +1, Denied +1');
    expect(out).toMatch(
      /✗ step 3 \(Journal entries: post, repost, refuse\) FAILED: \[remote_error\]/,
    );
    expect(code).toBe(4);
    expect(await isListening(origin)).toBe(false);
  }, 30_000);
});

describe('runDemo() transcript', () => {
  it('counts in the "demo ok" line the same steps the headings number', async () => {
    let out = '';
    const step = (title: string) => ({ title, run: () => Promise.resolve() });
    const code = await runDemo({
      definition: connector as unknown as LoadedConnector,
      createSession: () => {
        throw new Error('the stub steps open no session');
      },
      startSandbox: () =>
        Promise.resolve({
          origin: 'http://127.0.0.1:9',
          settings: { connections: { us: { auth_type: 'refresh_token' } } },
          state: () => Promise.reject(new Error('unused')),
          addInboxTasks: () => [],
          close: () => Promise.resolve(),
        }),
      redactor: createRedactor(),
      write: (text) => (out += text),
      keep: false,
      waitForStop: () => Promise.resolve(),
      steps: [step('One'), step('Two')],
    });
    expect(code).toBe(0);
    const headings = [...out.matchAll(/^\[(\d+)\/(\d+)\] /gm)];
    // Two steps of its own, then the runner's "Stop": [1/3], [2/3], [3/3].
    expect(headings.map((m) => `${m[1]}/${m[2]}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(out).toMatch(/\ndemo ok: 3 steps passed in /);
  });
});
