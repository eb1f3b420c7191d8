import { spawn } from 'node:child_process';

/**
 * Asks the desktop to open `url` in the default browser (`open` on macOS, `cmd /c start` on
 * Windows, `xdg-open` elsewhere). Failures are ignored: the URL is printed anyway, and a
 * headless machine simply has no browser.
 */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? // The empty string is start's window title; without it a quoted URL would become the title.
          ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // spawn can throw synchronously (e.g. EACCES); the printed URL still works.
  }
}
