import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';
import { parseA1, rangeSize } from '../workiva/a1';
import { WORKIVA_PATHS } from '../workiva/api';
import { defineAction } from '../workiva/definers';
import { idField, rangeField } from '../workiva/inputs';
import { waitForOperation } from '../workiva/operations';
import { fileReadProbe } from '../workiva/probes';
import { cellSchema } from '../workiva/records';

function invalidValues(message: string): ConnectorError {
  return new ConnectorError('invalid_input', `"values" ${message}.`, {
    hint: 'Give a rectangle of rows of equal length that fits the range; null leaves a cell as it is.',
    details: { issues: [{ path: 'values', message }] },
  });
}

/**
 * Writes values into a range. Workiva accepts the write as a long-running operation (202 +
 * Location); the action waits for it with bounded backoff and returns its final status.
 */
export const updateRange = defineAction({
  title: 'Update range',
  subtitle: 'Write values into an A1 range and wait for the result',
  description:
    'Updates the values of an A1 range of a sheet and waits for the operation to finish.',
  help:
    'The values must be a full rectangle of equal-length rows that fits the range; null leaves a ' +
    "cell unchanged and cells of the range the values do not reach are cleared (Workiva's rule). " +
    'The write is checked before any call. If the operation has not finished within the wait, ' +
    '"finished" is false and the operation ID lets you look again.',
  scopes: ['file:write'],
  probes: [fileReadProbe],
  input_fields: z.object({
    spreadsheet_id: idField('Spreadsheet ID', 'The file ID of the spreadsheet.'),
    sheet_id: idField('Sheet ID', 'From List sheets.'),
    range: rangeField,
    values: z
      .array(z.array(cellSchema))
      .min(1)
      .meta({ label: 'Values', hint: 'Rows of cells, e.g. [[1, 4], [2, ""]].' }),
    max_wait_seconds: z.number().int().min(1).max(900).default(120).meta({
      label: 'Most seconds to wait',
      hint: 'How long to wait for the operation (polls back off from 1 s to 10 s).',
    }),
  }),
  output_fields: z.object({
    operation_id: z.string(),
    status: z.enum(['acknowledged', 'queued', 'started', 'completed', 'cancelled', 'failed']),
    finished: z.boolean(),
    resource_url: z.string().optional(),
    details: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })),
  }),
  async execute({ http, input }) {
    const rect = parseA1(input.range);
    if (rect === undefined) throw invalidValues('has no range to fit in');
    const size = rangeSize(rect);
    const width = input.values[0]?.length ?? 0;
    if (input.values.some((row) => row.length !== width))
      throw invalidValues('rows are not all the same length');
    if (input.values.length > size.rows || width > size.columns) {
      throw invalidValues(
        `is ${input.values.length}×${width} but ${input.range} is ${size.rows}×${size.columns}`,
      );
    }
    const accepted = await http.request<unknown>({
      method: 'PUT',
      url: WORKIVA_PATHS.values(input.spreadsheet_id, input.sheet_id, input.range),
      json: { values: input.values },
    });
    const location = accepted.headers['location'];
    if (accepted.status !== 202 || location === undefined) {
      throw new ConnectorError(
        'unexpected_response',
        `Workiva answered the update with ${accepted.status} and no operation Location.`,
      );
    }
    const retryAfter = accepted.headers['retry-after'];
    const firstDelayMs =
      retryAfter !== undefined && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 1000;
    const { operation, finished } = await waitForOperation(http, location, {
      firstDelayMs,
      timeoutMs: input.max_wait_seconds * 1000,
    });
    return {
      operation_id: operation.id,
      status: operation.status,
      finished,
      ...(operation.resourceUrl === undefined ? {} : { resource_url: operation.resourceUrl }),
      details: (operation.details ?? []).map((d) => ({
        ...(d.code === undefined ? {} : { code: d.code }),
        ...(d.message === undefined ? {} : { message: d.message }),
      })),
    };
  },
  sample_output: {
    operation_id: '5b0c2b2e-9a4f-4d8e-b0c1-3c9f1e7d2a10',
    status: 'completed',
    finished: true,
    resource_url:
      'https://api.app.wdesk.com/spreadsheets/ss-budget-fy27/sheets/sh-summary/values/C2:C3',
    details: [],
  },
});
