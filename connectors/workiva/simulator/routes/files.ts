/**
 * `GET /files` (scope `file:read`): `$filter` (`field eq 'value'` joined by `and`, on `kind`,
 * `name`, `container`), `$orderBy` (`name asc|desc`), `$maxpagesize` (1–1000, default 1000),
 * and an opaque `$next` cursor; `@nextLink` is a complete URL to follow verbatim (§3.2).
 */
import type { FastifyPluginAsync } from 'fastify';
import { requireScope } from '../auth';
import type { SimulatorContext } from '../context';
import { PlatformError } from '../errors';
import { FILES } from '../fixtures';
import type { FileFixture } from '../fixtures';

type Query = Record<string, string | undefined>;
interface Cursor {
  offset: number;
  filter: string;
  orderBy: string;
  size: number;
}

const FILTER_FIELDS: Record<string, (f: FileFixture) => string | null> = {
  kind: (f) => f.kind,
  name: (f) => f.name,
  container: (f) => f.container,
};

function bad(message: string, target: string): PlatformError {
  return new PlatformError(400, '400BadRequest', message, [
    { code: 'InvalidParameter', message, target },
  ]);
}

function applyFilter(files: readonly FileFixture[], filter: string): FileFixture[] {
  if (filter.trim() === '') return [...files];
  let out = [...files];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(clause);
    const read = m === null ? undefined : FILTER_FIELDS[m[1]!];
    if (m === null || read === undefined)
      throw bad(`Unsupported $filter clause '${clause}'.`, '$filter');
    const wanted = m[2]!.replace(/''/g, "'");
    out = out.filter((f) => read(f) === wanted);
  }
  return out;
}

function applyOrder(files: FileFixture[], orderBy: string): FileFixture[] {
  if (orderBy.trim() === '') return files;
  const m = /^\s*name\s+(asc|desc)\s*$/i.exec(orderBy);
  if (m === null) throw bad(`Unsupported $orderBy '${orderBy}'.`, '$orderBy');
  const sign = m[1]!.toLowerCase() === 'desc' ? -1 : 1;
  return [...files].sort((a, b) => sign * a.name.localeCompare(b.name));
}

function present(f: FileFixture): Record<string, unknown> {
  const at = { dateTime: '2026-10-01T09:00:00Z', user: { id: 'user-integration' } };
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    type: f.kind,
    container: f.container,
    template: false,
    state: 'Active',
    created: at,
    modified: at,
  };
}

const filesRoutes: FastifyPluginAsync<{ context: SimulatorContext; prefix: string }> = async (
  app,
  { context, prefix },
) => {
  app.get<{ Querystring: Query }>(
    '/files',
    { config: { simulatorRoute: 'files' } },
    async (request) => {
      requireScope(context, request, 'file:read');
      let cursor: Cursor;
      if (request.query.$next !== undefined) {
        try {
          cursor = JSON.parse(
            Buffer.from(request.query.$next, 'base64url').toString('utf8'),
          ) as Cursor;
        } catch {
          throw bad('The $next cursor is not valid.', '$next');
        }
        if (typeof cursor?.offset !== 'number')
          throw bad('The $next cursor is not valid.', '$next');
      } else {
        const raw = request.query.$maxpagesize;
        const size = raw === undefined ? 1000 : Number(raw);
        if (!Number.isInteger(size) || size < 1 || size > 1000) {
          throw bad('$maxpagesize must be an integer from 1 to 1000.', '$maxpagesize');
        }
        cursor = {
          offset: 0,
          filter: request.query.$filter ?? '',
          orderBy: request.query.$orderBy ?? '',
          size,
        };
      }
      const all = applyOrder(applyFilter(FILES, cursor.filter), cursor.orderBy);
      const pageItems = all.slice(cursor.offset, cursor.offset + cursor.size);
      const nextOffset = cursor.offset + cursor.size;
      const body: Record<string, unknown> = { data: pageItems.map(present) };
      if (nextOffset < all.length) {
        const next = Buffer.from(JSON.stringify({ ...cursor, offset: nextOffset })).toString(
          'base64url',
        );
        body['@nextLink'] =
          `http://${request.headers.host ?? '127.0.0.1'}${prefix}/files?$next=${next}`;
      }
      return body;
    },
  );
};

export default filesRoutes;
