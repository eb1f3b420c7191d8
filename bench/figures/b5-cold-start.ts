import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, nowMs, round } from '../stats';
import { ms, ratio } from '../report';
import type { BenchContext } from '../context';
import type { FigureResult } from '../report';

/** Spawns one whole process and resolves with its wall time; a non-zero exit fails the figure. */
function timeProcess(args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2_000) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = nowMs() - start;
      // The CLI redacts its own output; only its first line is shown here.
      if (code === 0) resolve(elapsed);
      else
        reject(
          new Error(
            `"node ${args[0] ?? ''} ${args[1] ?? ''}" exited with code ${String(code)}: ${stderr.split('\n')[0] ?? ''}`,
          ),
        );
    });
  });
}

/**
 * B5 cold start: `connector --version` and `connector exec test` against the running sandbox,
 * each as a whole `node` process of the compiled CLI, against a bare `node -e ""` start.
 */
export async function runB5(ctx: BenchContext): Promise<FigureResult> {
  const { runs } = ctx.config.b5;
  const cli = ctx.config.cliPath;
  if (!existsSync(cli))
    throw new Error(`The compiled CLI "${cli}" is missing; run "npm run build" first.`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-b5-'));
  try {
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify(ctx.sandbox.settings), { mode: 0o600 });
    const bare: number[] = [];
    const version: number[] = [];
    const exec: number[] = [];
    await timeProcess(['-e', ''], dir); // warm the file cache
    await timeProcess([cli, '--version'], dir);
    for (let run = 0; run < runs; run++) {
      bare.push(await timeProcess(['-e', ''], dir));
      version.push(await timeProcess([cli, '--version'], dir));
      exec.push(
        await timeProcess([cli, 'exec', 'test', '--settings', settings, '--connection', 'us'], dir),
      );
    }
    const b = median(bare);
    const v = median(version);
    const e = median(exec);
    return {
      rows: [
        {
          figure: 'B5 cold start: connector --version',
          ours: ms(v),
          baseline: `${ms(b)} (node -e "")`,
          ratio: ratio(v / b),
          target: 'reported',
          met: undefined,
        },
        {
          figure: 'B5 cold start: connector exec test',
          ours: ms(e),
          baseline: `${ms(b)} (node -e "")`,
          ratio: ratio(e / b),
          target: 'reported',
          met: undefined,
        },
      ],
      values: {
        b5_version_ms: round(v, 1),
        b5_exec_ms: round(e, 1),
        b5_node_bare_ms: round(b, 1),
      },
      notes: [
        `B5 runs (ms): node -e "" ${bare.map(Math.round).join(', ')}; --version ${version.map(Math.round).join(', ')}; exec test ${exec.map(Math.round).join(', ')}`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
