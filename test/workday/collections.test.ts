import { isConnectorError } from '../../sdk/errors';
import { fetchCollection, fetchPage } from '../../workday/collections';
import type { FetchCollectionOptions } from '../../workday/collections';
import { createFetchHttpClient } from './helpers/fetch-http-client';
import { startTestServer } from './helpers/test-server';
import type { TestServer } from './helpers/test-server';

interface Item {
  id: string;
}

const PATH = 'common/v1/acme/items';

// The collection the server serves; tests replace it and may mutate it between requests.
const world = {
  items: [] as Item[],
  includeTotal: true,
  delayMs: 0,
  failOffset: -1,
  afterRequest: (_index: number): void => undefined,
};

let server: TestServer;
let http: ReturnType<typeof createFetchHttpClient>;

function makeItems(count: number, prefix = 'i'): Item[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}` }));
}

beforeAll(async () => {
  server = await startTestServer((request) => {
    const offset = Number(request.url.searchParams.get('offset'));
    const limit = Number(request.url.searchParams.get('limit'));
    const index = server.requests.length - 1;
    if (offset === world.failOffset) return { status: 503, body: '{"error":"busy"}' };
    const page = world.items.slice(offset, offset + limit);
    const body = JSON.stringify(
      world.includeTotal ? { total: world.items.length, data: page } : { data: page },
    );
    world.afterRequest(index);
    return { body, delayMs: world.delayMs };
  });
  http = createFetchHttpClient(`${server.baseUrl}/ccx/api/`);
});
afterAll(() => server.close());
beforeEach(() => {
  server.resetStats();
  world.items = makeItems(250);
  world.includeTotal = true;
  world.delayMs = 0;
  world.failOffset = -1;
  world.afterRequest = () => undefined;
});

const options = (
  extra: Partial<FetchCollectionOptions<Item>> = {},
): FetchCollectionOptions<Item> => ({
  limit: 1000,
  parse: (raw) => {
    if (typeof raw !== 'object' || raw === null || typeof (raw as Item).id !== 'string')
      throw new Error('bad item');
    return { id: (raw as Item).id };
  },
  id: (item) => item.id,
  ...extra,
});

const requested = () =>
  server.requests
    .map((r) => `${r.url.searchParams.get('offset')}+${r.url.searchParams.get('limit')}`)
    .sort((a, b) => parseInt(a) - parseInt(b));

describe('fetchCollection()', () => {
  it('returns the same items in the same order as sequential paging', async () => {
    const parallel = await fetchCollection(http, PATH, options({ concurrency: 4, pageSize: 30 }));
    const sequential = await fetchCollection(http, PATH, options({ concurrency: 1, pageSize: 30 }));
    expect(parallel.items).toEqual(makeItems(250));
    expect(parallel.items).toEqual(sequential.items);
    expect(parallel).toMatchObject({ total: 250, complete: true, warnings: [] });
  });

  it('makes no request beyond what the limit needs', async () => {
    await fetchCollection(http, PATH, options({ limit: 150 }));
    expect(requested()).toEqual(['0+100', '100+50']);
    server.resetStats();
    const small = await fetchCollection(http, PATH, options({ limit: 30 }));
    expect(requested()).toEqual(['0+30']);
    expect(small).toMatchObject({ total: 250, complete: true });
    expect(small.items).toHaveLength(30);
    server.resetStats();
    await fetchCollection(http, PATH, options({ limit: 1000 }));
    expect(requested()).toEqual(['0+100', '100+100', '200+50']);
    server.resetStats();
    expect(await fetchCollection(http, PATH, options({ limit: 0 }))).toEqual({
      items: [],
      complete: true,
      warnings: [],
    });
    expect(server.requests).toHaveLength(0);
  });

  it('keeps at most `concurrency` requests in flight, and does run them in parallel', async () => {
    world.items = makeItems(600);
    world.delayMs = 10;
    const result = await fetchCollection(http, PATH, options({ pageSize: 20, concurrency: 3 }));
    expect(result.items).toEqual(makeItems(600));
    expect(server.requests).toHaveLength(30);
    expect(server.maxInFlight).toBe(3);
  });

  it('pages sequentially until a short page when the server sends no total', async () => {
    world.includeTotal = false;
    world.delayMs = 2;
    const result = await fetchCollection(http, PATH, options({ concurrency: 4 }));
    expect(result).toEqual({ items: makeItems(250), complete: true, warnings: [] });
    expect(requested()).toEqual(['0+100', '100+100', '200+100']);
    expect(server.maxInFlight).toBe(1);
    server.resetStats();
    world.items = makeItems(200);
    expect((await fetchCollection(http, PATH, options())).items).toHaveLength(200);
    expect(requested()).toEqual(['0+100', '100+100', '200+100']); // the empty page proves the end
    server.resetStats();
    await fetchCollection(http, PATH, options({ limit: 150 }));
    expect(requested()).toEqual(['0+100', '100+50']);
  });

  it('drops duplicates, reads on and reports the gap when items are inserted while paging', async () => {
    world.afterRequest = (index) => {
      if (index === 0) world.items = [...makeItems(10, 'new'), ...world.items];
    };
    const result = await fetchCollection(http, PATH, options());
    // Old items shift right by 10: i90..i99 come twice and i240..i249 need one more page; the
    // ten new items sit before offsets already read, so they cannot be picked up.
    expect(result.items).toEqual(makeItems(250));
    expect(result.total).toBe(260);
    expect(result.complete).toBe(false);
    expect(result.warnings).toEqual([
      `The collection "${PATH}" changed while it was read (total went from 250 to 260).`,
      `The collection "${PATH}" returned 10 duplicate item(s); they were dropped.`,
      `The collection "${PATH}" reports 260 item(s) but only 250 could be read.`,
    ]);
    expect(requested()).toEqual(['0+100', '100+100', '200+50', '250+20']);
  });

  it('reports possibly skipped items when items are deleted while paging', async () => {
    world.afterRequest = (index) => {
      if (index === 0) world.items = world.items.slice(10);
    };
    const result = await fetchCollection(http, PATH, options());
    // i100..i109 still exist but moved before offset 100 after the first page was read.
    expect(result.items.map((item) => item.id)).not.toContain('i105');
    expect(result.complete).toBe(false);
    expect(result.warnings).toContain(
      `The collection "${PATH}" shrank by up to 10 item(s) during paging, so as many items may have been skipped; read it again for a complete list.`,
    );
  });

  it('reports a page shorter than its total promises', async () => {
    world.afterRequest = () => undefined;
    const short = await startTestServer((request) => {
      const offset = Number(request.url.searchParams.get('offset'));
      return {
        body: JSON.stringify({
          total: 150,
          data: makeItems(150).slice(offset, offset === 100 ? 120 : offset + 100),
        }),
      };
    });
    try {
      const result = await fetchCollection(
        createFetchHttpClient(`${short.baseUrl}/ccx/api/`),
        PATH,
        options(),
      );
      expect(result.items).toHaveLength(120);
      expect(result.complete).toBe(false);
      expect(result.warnings).toEqual([
        `The collection "${PATH}" returned 30 item(s) fewer than its total promised.`,
        `The collection "${PATH}" reports 150 item(s) but only 120 could be read.`,
      ]);
    } finally {
      await short.close();
    }
  });

  it('fails with the page error and stops scheduling further pages', async () => {
    world.items = makeItems(1000);
    world.failOffset = 100;
    world.delayMs = 5;
    await expect(fetchCollection(http, PATH, options({ concurrency: 2 }))).rejects.toMatchObject({
      code: 'remote_error',
    });
    expect(server.requests.length).toBeLessThan(10);
  });

  it('refuses a body that is not a collection envelope and items that do not parse', async () => {
    const odd = await startTestServer(() => ({ body: JSON.stringify({ total: 'x', items: [] }) }));
    try {
      const error = await fetchPage(
        createFetchHttpClient(`${odd.baseUrl}/ccx/api/`),
        PATH,
        0,
        10,
      ).catch((e: unknown) => e);
      expect(isConnectorError(error) && error.code).toBe('unexpected_response');
      expect((error as Error).message).toBe(
        `The Workday "${PATH}" response is not a collection ({total, data}): "total" Invalid input: expected number, received string.`,
      );
    } finally {
      await odd.close();
    }
    world.items = [{ id: 'ok' }, { nope: 1 } as unknown as Item];
    await expect(fetchCollection(http, PATH, options())).rejects.toThrow('bad item');
  });

  it('refuses options a caller got wrong', async () => {
    await expect(fetchCollection(http, PATH, options({ pageSize: 101 }))).rejects.toMatchObject({
      code: 'internal',
      message: 'fetchCollection: "pageSize" must be a whole number from 1 to 100.',
    });
  });
});
