import { z } from 'zod';
import type { InputLinePosition } from './large-journal';
import { IMPORT_STATES } from './soap/import-processes';
import type { ImportProcessMessage, ImportProcessStatus } from './soap/import-processes';
import type { ReferenceId } from './soap/references';

/** One ID of the import process reference, as Workday's receipt gave it. */
export const referenceIdSchema = z.object({
  type: z.string().meta({ label: 'ID type', hint: 'e.g. WID or Background_Process_Instance_ID.' }),
  value: z.string().meta({ label: 'ID' }),
});

/** One message of the import, mapped back to the input line where Workday names one. */
export const importMessageSchema = z.object({
  severity: z.string().optional().meta({ label: 'Severity', hint: "Workday's severity, as sent." }),
  message: z.string().meta({ label: 'Message' }),
  workday_line_number: z.number().optional().meta({
    label: 'Workday line number',
    hint: 'Line_Number as Workday sent it: 0 is the journal itself, n the n-th journal line.',
  }),
  line: z.number().int().optional().meta({
    label: 'Input line',
    hint: 'The journal line (1-based) of the input this message is about.',
  }),
  input_path: z
    .string()
    .optional()
    .meta({ label: 'Input path', hint: 'The line in the input, e.g. lines.41.' }),
  csv_line: z.number().int().optional().meta({
    label: 'CSV line',
    hint: 'The line of the CSV file the journal line starts on (the header row is line 1).',
  }),
});

/** What both import actions return. */
export const importStatusSchema = z.object({
  journal_id: z.string().optional().meta({
    label: 'Journal ID',
    hint: 'Accounting Journal ID: the key that keeps the import from booking twice.',
  }),
  state: z.enum(IMPORT_STATES).meta({
    label: 'State',
    hint: 'running, completed, completed_with_warnings, completed_with_errors, failed or unknown.',
  }),
  status: z.string().optional().meta({
    label: 'Workday status',
    hint: 'The import process status ID as Workday reports it (e.g. Completed); not every value is published.',
  }),
  percent_complete: z.number().optional().meta({ label: 'Percent complete' }),
  completed_at: z.string().optional().meta({ label: 'Completed at' }),
  import_process: z.array(referenceIdSchema).meta({
    label: 'Import process reference',
    hint: 'Pass it to Get import status to follow an import that was still running.',
  }),
  journal_wid: z.string().optional().meta({ label: 'Journal WID' }),
  journal_status: z.string().optional().meta({ label: 'Journal status', hint: 'e.g. Posted.' }),
  line_count: z.number().int().optional().meta({ label: 'Lines sent' }),
  total_debit: z.string().optional().meta({ label: 'Total debits' }),
  total_credit: z.string().optional().meta({ label: 'Total credits' }),
  duplicate: z.boolean().meta({
    label: 'Already imported',
    hint: 'True when Workday already had (or was importing) a journal with this Journal ID; nothing was imported twice.',
  }),
  message_count: z.number().int().meta({ label: 'Messages' }),
  messages: z.array(importMessageSchema).meta({ label: 'Messages' }),
  note: z.string().optional().meta({ label: 'Note', hint: 'What happened, in a sentence.' }),
});

/** The output of both import actions. */
export type ImportStatusOutput = z.input<typeof importStatusSchema>;

/** A realistic output, shared by both actions' `sample_output`. */
export const SAMPLE_IMPORT_STATUS = {
  journal_id: 'JE-20260331-3F9A1C0B7D2E',
  state: 'completed_with_warnings',
  status: 'CompletedWithWarnings',
  percent_complete: 100,
  completed_at: '2026-03-31T18:04:11.000-07:00',
  import_process: [{ type: 'WID', value: '4c7d1e2f3a5b4c6d8e9f0a1b2c3d4e5f' }],
  journal_wid: '9b1f3c0e2a7d4e5f8a6b7c8d9e0f1a2b',
  journal_status: 'Posted',
  line_count: 800,
  total_debit: '125000.00',
  total_credit: '125000.00',
  duplicate: false,
  message_count: 1,
  messages: [
    {
      severity: 'Warning',
      message: 'Line memo was truncated to 255 characters.',
      workday_line_number: 42,
      line: 42,
      csv_line: 43,
    },
  ],
} as const satisfies ImportStatusOutput;

/** Maps one Workday message onto the input: Line_Number n is the n-th line element (inferred). */
export function mapImportMessage(
  message: ImportProcessMessage,
  inputLineOf: ((n: number) => InputLinePosition | undefined) | undefined,
): z.input<typeof importMessageSchema> {
  const mapped: z.input<typeof importMessageSchema> = {
    message: message.summary ?? '(no message text)',
  };
  if (message.severity !== undefined) mapped.severity = message.severity;
  const n = message.lineNumber;
  if (n === undefined) return mapped;
  mapped.workday_line_number = n;
  if (!Number.isInteger(n) || n < 1) return mapped;
  const position = inputLineOf === undefined ? { line: n } : inputLineOf(n);
  if (position === undefined) return mapped;
  mapped.line = position.line;
  mapped.input_path = `lines.${position.line - 1}`;
  if (position.sourceLine !== undefined) mapped.csv_line = position.sourceLine;
  return mapped;
}

/** The status part of the output, from Get_Import_Processes. */
export function statusFields(
  status: ImportProcessStatus,
): Pick<ImportStatusOutput, 'state' | 'status' | 'percent_complete' | 'completed_at'> {
  const fields: Pick<ImportStatusOutput, 'state' | 'status' | 'percent_complete' | 'completed_at'> =
    { state: status.state };
  if (status.status !== undefined) fields.status = status.status;
  if (status.percentComplete !== undefined) fields.percent_complete = status.percentComplete;
  if (status.completedAt !== undefined) fields.completed_at = status.completedAt;
  return fields;
}

/** Reference IDs in the output's shape. */
export function referenceOutput(ids: readonly ReferenceId[]): { type: string; value: string }[] {
  return ids.map((id) => ({ type: id.type, value: id.value }));
}
