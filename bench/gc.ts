import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let cached: (() => void) | undefined;

/**
 * A full garbage collection, so heap figures measure what is retained rather than what the
 * collector has not reached yet. `npm run bench` runs plain `node`, so the flag is switched on
 * here instead of on the command line.
 */
export function collectGarbage(): void {
  if (!cached) {
    setFlagsFromString('--expose-gc');
    cached = runInNewContext('gc') as () => void;
  }
  cached();
}

/** Heap in use, in megabytes. */
export function heapUsedMb(): number {
  return process.memoryUsage().heapUsed / (1024 * 1024);
}
