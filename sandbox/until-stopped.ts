/**
 * Resolves on SIGINT, SIGTERM or the abort of `signal`, whichever comes first, and removes its
 * listeners: how every simulator run in the foreground (`connector sandbox`) waits to be stopped.
 * It lives here because the Workday sandbox's own runner uses it; the CLI reuses it for the
 * simulators of the other connectors.
 */
export function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted === true) stop();
    else signal?.addEventListener('abort', stop);
  });
}
