import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** The id of a process that has run and exited: what a lock or temp file of a killed run names. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid;
  await new Promise((resolve) => child.once('exit', resolve));
  if (pid === undefined) throw new Error('The child process got no pid.');
  return pid;
}

/** A process that runs until killed: a live lock holder other than the test itself. */
export function liveProcess(): { pid: number; stop(): Promise<void> } {
  const child: ChildProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    stdio: 'ignore',
  });
  if (child.pid === undefined) throw new Error('The child process got no pid.');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    pid: child.pid,
    async stop() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
