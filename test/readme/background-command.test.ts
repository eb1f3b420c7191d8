// The quick-start test runs the README's background command with this helper: a command that
// exits must fail the wait at once and show why, not look like a slow start until the deadline.
import { tmpdir } from 'node:os';

import { startBackground, waitWhileRunning } from '../helpers/background-command';

describe('waitWhileRunning', () => {
  it('fails as soon as the background command exits, quoting its exit code and stderr', async () => {
    const background = startBackground('echo "port 5 is taken" >&2; exit 7', tmpdir());
    // A deadline beyond jest's own: only noticing the exit can end this wait in time.
    const waiting = waitWhileRunning(background, 'it wrote the settings file', () => false, {
      timeoutMs: 120_000,
    });
    await expect(waiting).rejects.toThrow(
      /exited 7 before it wrote the settings file; its stderr:\nport 5 is taken/,
    );
    background.stop();
  });

  it('resolves while the command keeps running once it is ready', async () => {
    const background = startBackground('sleep 30', tmpdir());
    let ready = false;
    setTimeout(() => (ready = true), 50);
    await expect(waitWhileRunning(background, 'ready', () => ready)).resolves.toBeUndefined();
    expect(background.ended()).toBeUndefined();
    background.stop();
  });
});
