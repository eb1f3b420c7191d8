/**
 * Journal lines from a CSV file or text, read as a stream with `csv-parse` (quotes, embedded
 * line breaks, a byte-order mark) and mapped by column name onto the fields of a journal line.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CsvError } from 'csv-parse';
import { ConnectorError } from '../sdk/errors';
import type { JournalLineRecord, JournalLineSource } from './large-journal';

/** The line fields a CSV column can fill. */
export const CSV_LINE_FIELDS = [
  'ledger_account',
  'account_set',
  'debit',
  'credit',
  'memo',
] as const;

/** A line field a CSV column can fill. */
export type CsvLineField = (typeof CSV_LINE_FIELDS)[number];

/** Headers of the form `worktag.Cost_Center_Reference_ID` are worktags of that ID type. */
export const WORKTAG_COLUMN_PREFIX = 'worktag.';

/** Which CSV column holds what. */
export interface CsvColumnMapping {
  /**
   * The header of the column for each line field.
   * @default the field's own name (`ledger_account`, `debit`, ...)
   */
  columns?: Partial<Record<CsvLineField, string>>;
  /**
   * Worktag columns: Workday ID type -> header. Without it, every header starting with
   * `worktag.` is a worktag of the type after the dot. An empty cell adds no worktag.
   */
  worktags?: Record<string, string>;
  /**
   * The field separator.
   * @default ','
   */
  delimiter?: string;
}

/** Where the CSV comes from: a path (read as a stream, twice) or the text itself. */
export type CsvInput = { file: string } | { text: string };

interface ColumnPlan {
  fields: Array<[CsvLineField, number]>;
  worktags: Array<[string, number]>;
}

function planColumns(
  header: readonly string[],
  mapping: CsvColumnMapping,
  what: string,
): ColumnPlan {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name.trim())) index.set(name.trim(), i);
  });
  const missing: string[] = [];
  const fields: Array<[CsvLineField, number]> = [];
  for (const field of CSV_LINE_FIELDS) {
    const named = mapping.columns?.[field];
    const at = index.get(named ?? field);
    if (at !== undefined) fields.push([field, at]);
    else if (named !== undefined || field === 'ledger_account') missing.push(named ?? field);
  }
  const hasAmount = fields.some(([f]) => f === 'debit' || f === 'credit');
  const amountNamed = mapping.columns?.debit !== undefined || mapping.columns?.credit !== undefined;
  // Named amount columns that are missing are already listed.
  if (!hasAmount && !amountNamed) missing.push('debit');
  const worktags: Array<[string, number]> = [];
  if (mapping.worktags !== undefined) {
    for (const [type, name] of Object.entries(mapping.worktags)) {
      const at = index.get(name);
      if (at === undefined) missing.push(name);
      else worktags.push([type, at]);
    }
  } else {
    for (const [name, at] of index)
      if (name.startsWith(WORKTAG_COLUMN_PREFIX))
        worktags.push([name.slice(WORKTAG_COLUMN_PREFIX.length), at]);
  }
  if (missing.length > 0) {
    throw new ConnectorError(
      'invalid_input',
      `${what} has no column ${missing.map((m) => `"${m}"`).join(', ')}; its header row is: ${header.map((h) => `"${h}"`).join(', ')}.`,
      {
        hint: 'Name the columns in "csv.columns" (e.g. {"debit": "Debit Amount"}), or use the headers ledger_account, debit, credit, memo, account_set and worktag.<ID type>.',
        details: {
          issues: [{ path: 'csv.columns', message: `has no column ${missing.join(', ')}` }],
        },
      },
    );
  }
  return { fields, worktags };
}

function toLine(cells: readonly string[], plan: ColumnPlan): Record<string, unknown> {
  const line: Record<string, unknown> = {};
  for (const [field, at] of plan.fields) {
    const value = cells[at];
    // An empty cell is an absent value: the schema's default or "needs a debit or a credit".
    if (value !== undefined && value.trim() !== '') line[field] = value;
  }
  const worktags: { type: string; id: string }[] = [];
  for (const [type, at] of plan.worktags) {
    const value = cells[at]?.trim();
    if (value !== undefined && value !== '') worktags.push({ type, id: value });
  }
  if (worktags.length > 0) line.worktags = worktags;
  return line;
}

function csvError(error: CsvError | Error, what: string): ConnectorError {
  const line = (error as { lines?: unknown }).lines;
  const at = typeof line === 'number' ? ` (line ${line})` : '';
  return new ConnectorError('invalid_input', `${what} is not valid CSV${at}: ${error.message}`, {
    hint: 'Every row needs as many cells as the header row; quote cells that contain the delimiter or line breaks.',
    details: { issues: [{ path: 'csv', message: error.message }] },
    cause: error,
  });
}

function openInput(input: CsvInput): Readable {
  return 'file' in input ? createReadStream(input.file) : Readable.from([input.text]);
}

/**
 * A line source over a CSV with a header row. Each `records()` call reads the input again from
 * the start, so a file is never held in memory; a row's `sourceLine` is the line it starts on.
 * @throws ConnectorError `invalid_input` for a missing column, a malformed row or an unreadable file
 */
export function csvLineSource(input: CsvInput, mapping: CsvColumnMapping = {}): JournalLineSource {
  const what = 'file' in input ? `The CSV file "${input.file}"` : 'The CSV text';
  return {
    async *records(): AsyncGenerator<JournalLineRecord> {
      const parser = parse({
        bom: true,
        delimiter: mapping.delimiter ?? ',',
        info: true,
        skip_empty_lines: true,
      });
      const source = openInput(input);
      source.on('error', (error) => parser.destroy(error));
      source.pipe(parser);
      let plan: ColumnPlan | undefined;
      let previousEnd = 0;
      let previousEmpty = 0;
      try {
        for await (const { info, record } of parser as AsyncIterable<{
          info: { lines: number; empty_lines: number };
          record: string[];
        }>) {
          // A record ends on info.lines; it starts after the previous one and any empty lines.
          const start = previousEnd + 1 + (info.empty_lines - previousEmpty);
          previousEnd = info.lines;
          previousEmpty = info.empty_lines;
          if (plan === undefined) {
            plan = planColumns(record, mapping, what);
            continue;
          }
          yield { raw: toLine(record, plan), where: `CSV line ${start}`, sourceLine: start };
        }
      } catch (error) {
        if (error instanceof ConnectorError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
          throw new ConnectorError('invalid_input', `${what} cannot be read (${code}).`, {
            hint: 'Give the path of a readable CSV file, relative to the working directory.',
            details: { issues: [{ path: 'csv.file', message: `cannot be read (${code})` }] },
            cause: error,
          });
        }
        throw csvError(error as Error, what);
      } finally {
        source.destroy();
      }
      if (plan === undefined) {
        throw new ConnectorError(
          'invalid_input',
          `${what} is empty: it needs a header row and lines.`,
          {
            details: { issues: [{ path: 'csv', message: 'is empty' }] },
          },
        );
      }
    },
  };
}
