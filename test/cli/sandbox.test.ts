import { createServer } from 'node:net';
import * as path from 'node:path';
import { describeFaultKeys } from '../../cli/commands/sandbox';
import { runCli } from '../../cli/run';
import { runCliCaptured } from '../helpers/run-cli-captured';
import type { AddressInfo, Server } from 'node:net';

describe('connector sandbox', () => {
  it('delegates to the sandbox runner with the parsed options, paths resolved', async () => {
    const calls: unknown[] = [];
    const code = await runCli(
      ['sandbox', '--port', '8123', '--write-settings', 'out/s.json', '--faults', 'latencyMs=5'],
      { stdout: () => undefined, stderr: () => undefined },
      {
        cwd: '/work/here',
        env: {},
        dependencies: {
          runSandbox: async (options) => {
            calls.push(options);
          },
        },
      },
    );
    expect(code).toBe(0);
    expect(calls).toEqual([
      {
        port: 8123,
        writeSettings: path.resolve('/work/here', 'out/s.json'),
        faults: 'latencyMs=5',
      },
    ]);
  });

  it('asks for any free port (0) when none is given', async () => {
    const calls: unknown[] = [];
    await runCli(
      ['sandbox'],
      { stdout: () => undefined, stderr: () => undefined },
      { env: {}, dependencies: { runSandbox: async (o) => void calls.push(o) } },
    );
    expect(calls).toEqual([{ port: 0 }]);
  });
});

// The real runner: a bad spec is refused before the sandbox starts, so nothing listens.
describe('connector sandbox usage errors', () => {
  it.each([
    ['latencyMs=abc', "'latencyMs' must be a number"],
    ['foo=1', "'foo' is not a fault key"],
    ['latencyMs', "'latencyMs' is not key=value"],
    ['{"latencyMs": 5', 'the JSON is not valid'],
    ['rateLimit.every=5', "'rateLimit.retryAfterSeconds' is missing"],
  ])(
    'refuses --faults %s as invalid_input (exit 2), listing the valid keys',
    async (spec, problem) => {
      const { code, stdout, stderr } = await runCliCaptured(['sandbox', '--faults', spec], {
        env: {},
      });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const [line, hint, rest] = stderr.split('\n');
      expect(line).toBe(`error [invalid_input]: The --faults spec is not valid: ${problem}.`);
      expect(hint).toMatch(/^hint: Valid keys: /);
      for (const key of ['latencyMs', 'rateLimit.{every,retryAfterSeconds,match}', 'seed'])
        expect(hint).toContain(key);
      expect(rest).toBe('');
    },
  );

  it('groups nested keys under their parent in the hint', () => {
    expect(describeFaultKeys(['a', 'b.x', 'b.y', 'c'])).toBe('a, b.{x,y}, c');
  });

  describe('a port in use', () => {
    let blocker: Server;
    let port: number;

    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      port = (blocker.address() as AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    });

    it('is invalid_input (exit 2) with a hint to pick another port', async () => {
      const { code, stderr } = await runCliCaptured(['sandbox', '--port', String(port)], {
        env: {},
      });
      expect(stderr).toBe(
        `error [invalid_input]: Port ${port} on 127.0.0.1 is already in use, so the sandbox cannot listen there.\n` +
          'hint: Pick another --port, or 0 for any free port.\n',
      );
      expect(code).toBe(2);
    });
  });
});
