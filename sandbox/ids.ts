import { randomBytes } from 'node:crypto';

/** A random Workday-style WID: 32 lower-case hex digits. */
export function createWid(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Makes WIDs that sort in creation order: a random 16-hex prefix per generator and a 16-hex
 * counter. Bulk-added inbox tasks use it so ties on `assigned` order by id cheaply.
 */
export function createSequentialWidFactory(): () => string {
  const prefix = randomBytes(8).toString('hex');
  let counter = 0;
  return () => {
    counter += 1;
    return prefix + counter.toString(16).padStart(16, '0');
  };
}
