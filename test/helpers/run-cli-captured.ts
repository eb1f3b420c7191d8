import { runCli } from '../../cli/run';
import type { RunCliOptions } from '../../cli/run';

/** What one in-process `connector` run returned and wrote. */
export interface CapturedCliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one `connector` command line in process, collecting what it writes to stdout and stderr. */
export async function runCliCaptured(
  argv: readonly string[],
  options: RunCliOptions,
): Promise<CapturedCliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
    options,
  );
  return { code, stdout, stderr };
}
