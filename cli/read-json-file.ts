import { readFile } from 'node:fs/promises';
import { locateJsonError } from '../sdk/settings';
import { usageError } from './usage-error';

/**
 * Reads a JSON file given on the command line (`--input`, `--closure`). A missing file or
 * malformed JSON is a usage error naming the file and the position, never quoting its content.
 * @param what How the file is called in messages, e.g. `Input file`.
 * @param read Reads the text; standard input for `--input -`. @default the file's content
 */
export async function readJsonFile(
  file: string,
  what: string,
  read: (file: string) => Promise<string> = (name) => readFile(name, 'utf8'),
): Promise<unknown> {
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(
      code === 'ENOENT'
        ? `${what} '${file}' does not exist.`
        : `${what} '${file}' could not be read (${code ?? 'unknown error'}).`,
      code === 'ENOENT'
        ? 'Check the path; relative paths are resolved against the working directory.'
        : 'Check that the path is a readable file.',
    );
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const at = locateJsonError(body);
    const where = at === undefined ? '' : ` at line ${at.line}, column ${at.column}`;
    throw usageError(
      `${what} '${file}' is not valid JSON${where}.`,
      'Fix the JSON syntax at that position (strings in double quotes, no trailing commas).',
    );
  }
}
