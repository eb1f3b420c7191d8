import { readFile, stat } from 'node:fs/promises';
import { isConnectorError } from '../sdk/errors';
import { describeJsonRefusal, JsonRefusedError, parseBoundedJson } from '../sdk/settings';
import type { JsonBounds } from '../sdk/settings';
import { usageError } from './usage-error';

/**
 * Bounds of an input or closure file. Action inputs and trigger closures are a few levels deep
 * (a journal is input -> lines -> line -> worktags: 4); a closure may be a whole poll output of
 * 100 events. 64 levels and 16 MiB leave room for the largest real input (a journal of thousands
 * of lines) while a hostile file cannot exhaust the stack or the heap.
 */
export const INPUT_JSON_BOUNDS: JsonBounds = { maxDepth: 64, maxChars: 16 * 1024 * 1024 };

/**
 * Reads a JSON file given on the command line (`--input`, `--closure`). A missing, oversized or
 * malformed file is a usage error naming the file and the position, never quoting its content.
 * @param what How the file is called in messages, e.g. `Input file`.
 * @param read Reads the text; standard input for `--input -`. @default the file's content
 */
export async function readJsonFile(
  file: string,
  what: string,
  read?: (file: string) => Promise<string>,
): Promise<unknown> {
  let text: string;
  try {
    if (read !== undefined) text = await read(file);
    else {
      // Refused before reading: a multi-gigabyte file would fill the heap on its way in.
      const { size } = await stat(file);
      if (size > INPUT_JSON_BOUNDS.maxChars)
        throw usageError(
          `${what} '${file}' is ${size} bytes, more than the ${INPUT_JSON_BOUNDS.maxChars} allowed.`,
          'Pass a smaller file: inputs and closures are small JSON documents.',
        );
      text = await readFile(file, 'utf8');
    }
  } catch (error) {
    if (isConnectorError(error)) throw error;
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
  return parseInputJson(text, `${what} '${file}'`);
}

/**
 * Parses the JSON of an input or closure within {@link INPUT_JSON_BOUNDS}: malformed, oversized
 * or too deeply nested JSON, or a `__proto__`/`constructor`/`prototype` key, is a usage error
 * (exit 2) naming the source and the position, never quoting its content.
 * @param source How the text is called in messages, e.g. `Input file 'in.json'`.
 */
export function parseInputJson(text: string, source: string): unknown {
  try {
    return parseBoundedJson(text, INPUT_JSON_BOUNDS);
  } catch (error) {
    if (!(error instanceof JsonRefusedError)) throw error;
    const syntax = error.refusal.reason === 'syntax';
    throw usageError(
      `${source} ${describeJsonRefusal(error.refusal)}.`,
      syntax
        ? 'Fix the JSON syntax at that position (strings in double quotes, no trailing commas).'
        : 'Inputs and closures are plain JSON objects of field values.',
    );
  }
}
