/**
 * Spreadsheets (§3.2): list sheets, read a range (`file:read`), and update a range's values
 * (`file:write`), which answers 202 with `Location` (the operation) and `Retry-After`.
 */
import type { FastifyPluginAsync } from 'fastify';
import { requireScope } from '../auth';
import type { SimulatorContext } from '../context';
import { parseRange, formatRange } from '../a1';
import type { Rect } from '../a1';
import { PlatformError } from '../errors';
import type { FileFixture, SheetFixture } from '../fixtures';
import type { Cell } from '../store';

type SheetParams = { spreadsheetId: string; sheetId: string; range: string };

function spreadsheetOf(context: SimulatorContext, id: string): FileFixture {
  const file = context.store.file(id);
  if (file === undefined || file.kind !== 'Spreadsheet') {
    throw new PlatformError(404, '404NotFound', `Spreadsheet '${id}' was not found.`);
  }
  return file;
}

function sheetOf(file: FileFixture, id: string): SheetFixture {
  const sheet = file.sheets.find((s) => s.id === id);
  if (sheet === undefined)
    throw new PlatformError(404, '404NotFound', `Sheet '${id}' was not found.`);
  return sheet;
}

function rangeOf(raw: string): Rect {
  const rect = parseRange(decodeURIComponent(raw));
  if (rect === undefined) {
    throw new PlatformError(400, '400BadRequest', `'${raw}' is not an A1 range.`, [
      { code: 'InvalidRange', message: 'Use A1 notation such as B2 or A1:C3.', target: 'range' },
    ]);
  }
  return rect;
}

function isCell(value: unknown): value is Cell {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function checkValues(body: unknown, rect: Rect): Cell[][] {
  const values =
    typeof body === 'object' && body !== null ? (body as { values?: unknown }).values : undefined;
  const invalid = (message: string) =>
    new PlatformError(400, '400BadRequest', message, [
      { code: 'InvalidValues', message, target: 'values' },
    ]);
  if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
    throw invalid('values must be an array of rows.');
  }
  const rows = values as unknown[][];
  const width = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== width))
    throw invalid('Every row of values must have the same length.');
  if (rows.some((row) => !row.every(isCell)))
    throw invalid('Cells must be strings, numbers, booleans or null.');
  if (rows.length > rect.r1 - rect.r0 + 1 || width > rect.c1 - rect.c0 + 1) {
    throw invalid(`values do not fit in ${formatRange(rect)}.`);
  }
  return rows as Cell[][];
}

const spreadsheetRoutes: FastifyPluginAsync<{ context: SimulatorContext; prefix: string }> = async (
  app,
  { context, prefix },
) => {
  app.get<{ Params: { spreadsheetId: string } }>(
    '/spreadsheets/:spreadsheetId/sheets',
    { config: { simulatorRoute: 'sheets' } },
    async (request) => {
      requireScope(context, request, 'file:read');
      const file = spreadsheetOf(context, request.params.spreadsheetId);
      return { data: file.sheets.map((s, index) => ({ id: s.id, name: s.name, index })) };
    },
  );

  app.get<{ Params: SheetParams }>(
    '/spreadsheets/:spreadsheetId/sheets/:sheetId/values/:range',
    { config: { simulatorRoute: 'values.get' } },
    async (request) => {
      requireScope(context, request, 'file:read');
      const file = spreadsheetOf(context, request.params.spreadsheetId);
      sheetOf(file, request.params.sheetId);
      const rect = rangeOf(request.params.range);
      return {
        data: [
          {
            range: formatRange(rect),
            values: context.store.read(file.id, request.params.sheetId, rect),
          },
        ],
      };
    },
  );

  app.put<{ Params: SheetParams }>(
    '/spreadsheets/:spreadsheetId/sheets/:sheetId/values/:range',
    { config: { simulatorRoute: 'values.put' } },
    async (request, reply) => {
      const token = requireScope(context, request, 'file:write');
      const file = spreadsheetOf(context, request.params.spreadsheetId);
      const sheet = sheetOf(file, request.params.sheetId);
      const client = context.clients.find((c) => c.clientId === token.clientId);
      if (client === undefined || !client.editable.includes(file.id)) {
        throw new PlatformError(
          403,
          '403Forbidden',
          'The user does not have permission to edit this file.',
        );
      }
      const rect = rangeOf(request.params.range);
      const values = checkValues(request.body, rect);
      const willFail = context.faults.take(['fail_operation'], request.url) !== undefined;
      const host = `http://${request.headers.host ?? '127.0.0.1'}`;
      const resource = `${host}${prefix}/spreadsheets/${file.id}/sheets/${sheet.id}/values/${formatRange(rect)}`;
      const op = context.store.createOperation(
        `${host}${request.url}`,
        resource,
        () => context.store.write(file.id, sheet.id, rect, values),
        willFail,
      );
      return reply
        .code(202)
        .header('location', `${host}${prefix}/operations/${op.id}`)
        .header('retry-after', String(context.operationRetryAfterSeconds))
        .send();
    },
  );
};

export default spreadsheetRoutes;
