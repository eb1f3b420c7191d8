import * as path from 'node:path';
import { z } from 'zod';
import { ConnectorError } from '../sdk/errors';
import { csvLineSource } from '../workday/csv-journal-lines';
import type { CsvColumnMapping } from '../workday/csv-journal-lines';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { importStatusSchema, SAMPLE_IMPORT_STATUS } from '../workday/import-output';
import { journalHeaderSchema, journalLineSchema } from '../workday/journal';
import { importJournalOnce } from '../workday/journal-import';
import { largeJournalOf, validateLargeJournal } from '../workday/large-journal';
import type { LargeJournal } from '../workday/large-journal';
import { financialManagementProbe } from '../workday/probes';
import { createFinancialManagement } from '../workday/soap/financial-management';
import { createIntegrations } from '../workday/soap/integrations';

/** How long the action follows the import by default before returning it as running. */
const DEFAULT_WAIT_SECONDS = 900;
const MAX_WAIT_SECONDS = 3600;

const column = (field: string) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .optional()
    .meta({ label: `Column for ${field}`, hint: `Header of the CSV column holding the ${field}.` });

const csvSchema = z
  .object({
    file: z.string().trim().min(1, 'must not be empty').optional().meta({
      label: 'CSV file',
      hint: 'Path of the CSV file (CLI), relative to the working directory. Read as a stream.',
    }),
    text: z.string().optional().meta({
      label: 'CSV text',
      hint: 'The CSV itself, header row first (for platforms that pass file contents).',
    }),
    columns: z
      .object({
        ledger_account: column('ledger account'),
        account_set: column('account set'),
        debit: column('debit'),
        credit: column('credit'),
        memo: column('line memo'),
      })
      .optional()
      .meta({
        label: 'Columns',
        hint: 'Which header holds which line field; by default the headers are ledger_account, account_set, debit, credit, memo.',
      }),
    worktag_columns: z
      .array(
        z.object({
          type: z
            .string()
            .trim()
            .regex(
              /^[A-Za-z][A-Za-z0-9_]*$/,
              'must be a Workday ID type such as Cost_Center_Reference_ID',
            )
            .meta({ label: 'Worktag ID type' }),
          column: z.string().trim().min(1, 'must not be empty').meta({ label: 'Column' }),
        }),
      )
      .optional()
      .meta({
        label: 'Worktag columns',
        hint: 'Columns holding worktags; by default every header worktag.<ID type> is one.',
      }),
    delimiter: z
      .string()
      .length(1, 'must be one character')
      .optional()
      .meta({ label: 'Delimiter', hint: 'Field separator, default ",".' }),
  })
  .refine((csv) => (csv.file === undefined) !== (csv.text === undefined), {
    message: 'needs exactly one of "file" and "text"',
  });

const inputFields = journalHeaderSchema
  .extend({
    lines: z
      .array(journalLineSchema)
      .optional()
      .meta({ label: 'Lines', hint: 'The journal lines; leave empty when they come from a CSV.' }),
    csv: csvSchema.optional().meta({
      label: 'Lines from CSV',
      hint: 'A CSV with one journal line per row, and which column holds what.',
    }),
    wait_seconds: z
      .number()
      .int('must be a whole number of seconds')
      .min(0, 'must be 0 or more')
      .max(MAX_WAIT_SECONDS, `must be at most ${MAX_WAIT_SECONDS}`)
      .default(DEFAULT_WAIT_SECONDS)
      .meta({
        label: 'Wait (seconds)',
        hint: `How long to follow Workday's import before returning it as running (default ${DEFAULT_WAIT_SECONDS}).`,
      }),
    upload_timeout_seconds: z
      .number()
      .int('must be a whole number of seconds')
      .min(1, 'must be at least 1')
      .max(MAX_WAIT_SECONDS, `must be at most ${MAX_WAIT_SECONDS}`)
      .optional()
      .meta({
        label: 'Upload timeout (seconds)',
        hint: "How long one upload may wait for Workday's receipt; by default 60 s plus 2 ms per line.",
      }),
  })
  .refine((input) => (input.lines === undefined) !== (input.csv === undefined), {
    message: 'needs the journal lines in exactly one of "lines" and "csv"',
    path: ['lines'],
  });

type Input = z.output<typeof inputFields>;

function mappingOf(csv: NonNullable<Input['csv']>): CsvColumnMapping {
  const mapping: CsvColumnMapping = {};
  if (csv.columns !== undefined) {
    const columns = Object.fromEntries(
      Object.entries(csv.columns).filter(([, v]) => v !== undefined),
    ) as CsvColumnMapping['columns'];
    if (columns !== undefined) mapping.columns = columns;
  }
  if (csv.worktag_columns !== undefined)
    mapping.worktags = Object.fromEntries(csv.worktag_columns.map((w) => [w.type, w.column]));
  if (csv.delimiter !== undefined) mapping.delimiter = csv.delimiter;
  return mapping;
}

async function validated(input: Input, onLines: (count: number) => void): Promise<LargeJournal> {
  const { lines, csv, wait_seconds: _wait, ...header } = input;
  if (lines !== undefined) {
    const journal = largeJournalOf({ ...header, lines });
    onLines(journal.lineCount);
    return journal;
  }
  if (csv === undefined) throw new ConnectorError('invalid_input', 'The journal has no lines.');
  const source = csvLineSource(
    csv.file !== undefined ? { file: path.resolve(csv.file) } : { text: csv.text ?? '' },
    mappingOf(csv),
  );
  return validateLargeJournal(header, source, { onLines });
}

/** Imports one large journal through Import_Accounting_Journal, exactly once. */
export const importJournalEntry = defineAction({
  title: 'Import large journal',
  subtitle: 'Import a GL journal of any size with Import_Accounting_Journal',
  description:
    'Imports an accounting journal with any number of lines, from lines or a CSV, and follows the import to its end.',
  help:
    'Checked before anything is sent, exactly as Post journal entry checks a journal (balance in ' +
    "exact decimals, the currency's decimals, one debit or credit per line). The request is " +
    'streamed, so the line count is not limited by memory. The Journal ID makes it safe to ' +
    'retry: a journal is never imported twice. Messages name the input line (and CSV line).',
  scopes: [FUNCTIONAL_AREAS.commonFinancialManagement],
  probes: [financialManagementProbe],
  // The import is a POST: the runtime never repeats it; importJournalOnce decides after a lookup.
  retry_on_request: ['GET'],
  input_fields: inputFields,
  output_fields: importStatusSchema,
  async execute({ connection, http, input, progress, log }) {
    const journal = await validated(input, (count) =>
      progress({ phase: 'validate', done: count, unit: 'lines' }),
    );
    const endpoints = parseWorkdayEndpoints(connection);
    return importJournalOnce(
      {
        fm: createFinancialManagement(http, endpoints),
        integrations: createIntegrations(http, endpoints),
        progress,
        log,
        waitMs: input.wait_seconds * 1000,
        ...(input.upload_timeout_seconds === undefined
          ? {}
          : { uploadTimeoutMs: input.upload_timeout_seconds * 1000 }),
      },
      journal,
    );
  },
  sample_output: SAMPLE_IMPORT_STATUS,
});
