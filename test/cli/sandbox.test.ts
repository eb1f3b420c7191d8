import * as path from 'node:path';
import { runCli } from '../../cli/run';

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
