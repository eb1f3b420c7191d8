/**
 * The Workiva connector against the simulator over HTTP: token use (one per run, Basic or body
 * client auth, granted scope), files paging, sheets, ranges, a long-running update waited on,
 * and custom_action's guards.
 */
import { isConnectorError } from '../../../../sdk/errors';
import type { ConnectorError } from '../../../../sdk/errors';
import type { TokenUpdate } from '../../../../sdk/runtime';
import { sessionFor, useWorkivaSimulator } from '../support';

const sim = useWorkivaSimulator({ operationRetryAfterSeconds: 1, operationPollIntervalMs: 900 });

async function failure(run: Promise<unknown>): Promise<ConnectorError> {
  try {
    await run;
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

test('one token for a whole run, with Basic client authentication and the 2026 API', async () => {
  const updates: TokenUpdate[] = [];
  const session = sessionFor(sim(), 'us', { onTokens: (u) => void updates.push(u) });
  try {
    await session.test();
    await session.runAction('list_files', { kind: 'Spreadsheet', page_size: 10 });
    await Promise.all(
      ['sh-summary', 'sh-detail'].map((sheet) =>
        session.runAction('read_range', {
          spreadsheet_id: 'ss-budget-fy27',
          sheet_id: sheet,
          range: 'A1:B2',
        }),
      ),
    );
    const state = sim().us.state();
    expect(state.tokenRequests).toBe(1);
    expect(state.clientAuth).toEqual({ basic: 1, form: 0, json: 0 });
    expect(state.requests.unmatched).toBeUndefined();
    expect(updates).toHaveLength(1);
    expect(updates[0]?.granted_scope).toBe('file:read file:write');
  } finally {
    session.close();
  }
});

test('a token saved by an earlier run is reused: no token request at all', async () => {
  const updates: TokenUpdate[] = [];
  const first = sessionFor(sim(), 'us', { onTokens: (u) => void updates.push(u) });
  await first.test();
  first.close();
  const saved = updates[0]!;
  const second = sessionFor(sim(), 'us', {
    tokens: {
      access_token: saved.access_token,
      ...(saved.access_token_expires_at === undefined
        ? {}
        : { access_token_expires_at: saved.access_token_expires_at }),
    },
  });
  try {
    await second.runAction('list_sheets', { spreadsheet_id: 'ss-budget-fy27' });
    expect(sim().us.state().tokenRequests).toBe(1);
  } finally {
    second.close();
  }
});

test('body client authentication sends the id and secret as form fields', async () => {
  const session = sessionFor(sim(), 'us_body_auth');
  try {
    await session.test();
    expect(sim().us.state().clientAuth).toEqual({ basic: 0, form: 1, json: 0 });
  } finally {
    session.close();
  }
});

test('list_files follows @nextLink: 24 spreadsheets in pages of 10', async () => {
  const session = sessionFor(sim(), 'us');
  try {
    const out = (await session.runAction('list_files', { kind: 'Spreadsheet', page_size: 10 })) as {
      files: Array<{ id: string; kind: string }>;
      truncated: boolean;
    };
    expect(out.files).toHaveLength(24);
    expect(out.files.every((f) => f.kind === 'Spreadsheet')).toBe(true);
    expect(out.truncated).toBe(false);
    expect(sim().us.state().requests.files).toBe(3);
  } finally {
    session.close();
  }
});

test('list_files stops at max_files and says so', async () => {
  const session = sessionFor(sim(), 'us');
  try {
    const out = (await session.runAction('list_files', { page_size: 10, max_files: 15 })) as {
      files: unknown[];
      truncated: boolean;
    };
    expect([out.files.length, out.truncated]).toEqual([15, true]);
    expect(sim().us.state().requests.files).toBe(2);
  } finally {
    session.close();
  }
});

test('list_sheets and read_range', async () => {
  const session = sessionFor(sim(), 'us');
  try {
    const sheets = (await session.runAction('list_sheets', {
      spreadsheet_id: 'ss-budget-fy27',
    })) as { sheets: Array<{ name: string }> };
    expect(sheets.sheets.map((s) => s.name)).toEqual(['Summary', 'Detail']);
    const range = await session.runAction('read_range', {
      spreadsheet_id: 'ss-budget-fy27',
      sheet_id: 'sh-summary',
      range: 'a2:b3',
    });
    expect(range).toEqual({
      range: 'A2:B3',
      values: [
        ['EAST', 40],
        ['WEST', 38],
      ],
    });
  } finally {
    session.close();
  }
});

test('update_range waits on the operation (Retry-After honoured, no poll refused) and returns completed', async () => {
  const session = sessionFor(sim(), 'us');
  try {
    const out = await session.runAction('update_range', {
      spreadsheet_id: 'ss-budget-fy27',
      sheet_id: 'sh-summary',
      range: 'C2:D2',
      values: [[44, null]],
    });
    expect(out).toMatchObject({ status: 'completed', finished: true, details: [] });
    expect(sim().us.cells('ss-budget-fy27', 'sh-summary', 'C2:D2')).toEqual([[44, 4150000]]);
    const state = sim().us.state();
    expect(state.requests.operations).toBe(3);
    expect(state.rateLimit.limited).toBe(0);
  } finally {
    session.close();
  }
});

test('a failed operation is returned with its details, cells unchanged', async () => {
  sim().us.setFaults({ rules: [{ kind: 'fail_operation' }] });
  const session = sessionFor(sim(), 'us');
  try {
    const out = (await session.runAction('update_range', {
      spreadsheet_id: 'ss-budget-fy27',
      sheet_id: 'sh-summary',
      range: 'B2',
      values: [[1]],
    })) as { status: string; details: Array<{ message?: string }> };
    expect(out.status).toBe('failed');
    expect(out.details[0]?.message).toMatch(/locked/);
    expect(sim().us.cells('ss-budget-fy27', 'sh-summary', 'B2')).toEqual([[40]]);
  } finally {
    session.close();
  }
});

test.each([
  [{ range: 'A1:B2', values: [[1, 2], [3]] }, /rows are not all the same length/],
  [{ range: 'A1:B1', values: [[1, 2, 3]] }, /is 1×3 but A1:B1 is 1×2/],
  [{ range: 'B2:A1', values: [[1]] }, /range/],
])('update_range refuses %j before any call', async (input, message) => {
  const session = sessionFor(sim(), 'us');
  try {
    const error = await failure(
      session.runAction('update_range', {
        spreadsheet_id: 'ss-budget-fy27',
        sheet_id: 'sh-summary',
        ...input,
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(sim().us.state().tokenRequests).toBe(0);
  } finally {
    session.close();
  }
});

test('a narrower token makes update_range a 403 naming file:write', async () => {
  const session = sessionFor(sim(), 'us_readonly');
  try {
    const error = await failure(
      session.runAction('update_range', {
        spreadsheet_id: 'ss-budget-fy27',
        sheet_id: 'sh-summary',
        range: 'B2',
        values: [[1]],
      }),
    );
    expect(error.code).toBe('insufficient_scope');
    expect(error.hint).toMatch(/file:write/);
  } finally {
    session.close();
  }
});

test('a file the integration user may only read is refused', async () => {
  const session = sessionFor(sim(), 'us');
  try {
    const error = await failure(
      session.runAction('update_range', {
        spreadsheet_id: 'ss-board-pack',
        sheet_id: 'sh-kpis',
        range: 'B2',
        values: [[190]],
      }),
    );
    expect(error.code).toBe('insufficient_scope');
    expect(error.message).toMatch(/permission to edit this file/);
  } finally {
    session.close();
  }
});

test('a US client on the EU host fails at the token request', async () => {
  const session = sessionFor(sim(), 'us_client_on_eu');
  try {
    const error = await failure(session.test());
    expect(error.code).toBe('invalid_client');
  } finally {
    session.close();
  }
});

describe('custom_action', () => {
  test('a GET returns the JSON; a PUT returns 202 with the operation Location', async () => {
    const session = sessionFor(sim(), 'us');
    try {
      const get = (await session.runAction('custom_action', {
        path: '/files',
        query: { $maxpagesize: 2 },
      })) as { status: number; data: { data: unknown[] } };
      expect(get.status).toBe(200);
      expect(get.data.data).toHaveLength(2);
      const put = (await session.runAction('custom_action', {
        method: 'PUT',
        path: '/spreadsheets/ss-budget-fy27/sheets/sh-detail/values/A2:B2',
        body: { values: [['P00001', 1]] },
      })) as { status: number; location?: string };
      expect(put.status).toBe(202);
      expect(put.location).toMatch(/\/operations\//);
    } finally {
      session.close();
    }
  });

  test.each([
    [{ path: '/platform/v1/files' }, /2022-01-01/],
    [{ path: 'https://api.eu.wdesk.com/files' }, /absolute URL/],
    [{ path: '/files', headers: { 'X-Version': '2022-01-01' } }, /set by the connection/],
  ])('refuses %j', async (input, message) => {
    const session = sessionFor(sim(), 'us');
    try {
      const error = await failure(session.runAction('custom_action', input));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
    } finally {
      session.close();
    }
  });
});
