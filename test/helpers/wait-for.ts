/**
 * Polls `check` until it returns true, instead of sleeping a fixed time and hoping the awaited
 * thing happened by then (which flakes on a loaded machine and wastes time on a fast one).
 * Rejects naming `what` when `timeoutMs` passes first; the deadline is generous because only a
 * real hang should reach it.
 */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
