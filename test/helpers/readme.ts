/** Reading the README's own commands, so tests run what the README tells a user to run. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from './build-dist';

/** The README as committed. */
export const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The lines of the first ```sh block after `heading`. */
export function shellBlockAfter(heading: string, readme: string = README): string[] {
  const start = readme.indexOf(heading);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const match = /```sh\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!match?.[1]) throw new Error(`README section "${heading}" has no sh block`);
  return match[1].split('\n').filter((line) => line.trim() !== '');
}

/** Drops a trailing `# comment` (the commands themselves contain no `#`). */
export function stripComment(line: string): string {
  const hash = line.indexOf(' #');
  return (hash < 0 ? line : line.slice(0, hash)).trim();
}
