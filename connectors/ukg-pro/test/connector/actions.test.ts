/**
 * The UKG Pro connector's actions against the simulator over HTTP, with both auth models:
 * what each returns, paging, refusals named by web service, and custom_action's guards.
 */
import { isConnectorError } from '../../../../sdk/errors';
import type { ConnectorError } from '../../../../sdk/errors';
import { connectionOf, sessionFor, useUkgSimulator } from '../support';

const ukg = useUkgSimulator();

async function failure(run: Promise<unknown>): Promise<ConnectorError> {
  try {
    await run;
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('web service account', () => {
  test('the connection test names the account and host', async () => {
    const session = sessionFor(ukg(), 'prod');
    try {
      expect(await session.test()).toEqual({
        username: 'acme_integration',
        host: ukg().production.origin,
        sample_company: 'J9A6Y',
      });
    } finally {
      session.close();
    }
  });

  test('get_employee joins person and employment details with their own casing', async () => {
    const session = sessionFor(ukg(), 'prod');
    try {
      const out = (await session.runAction('get_employee', {
        company_id: 'J9A6Y',
        employee_id: 'A0002',
      })) as {
        person: Record<string, unknown>;
        employment: Record<string, unknown>;
      };
      expect(out.person).toMatchObject({
        employeeId: 'A0002',
        companyId: 'J9A6Y',
        firstName: 'Ben',
      });
      expect(out.employment).toMatchObject({
        employeeID: 'A0002',
        companyID: 'J9A6Y',
        companyCode: 'ACME',
      });
    } finally {
      session.close();
    }
  });

  test('an unknown employee is not_found naming both IDs', async () => {
    const session = sessionFor(ukg(), 'prod');
    try {
      const error = await failure(
        session.runAction('get_employee', { company_id: 'J9A6Y', employee_id: 'ZZ999' }),
      );
      expect(error.code).toBe('not_found');
      expect(error.message).toBe('Employee "ZZ999" was not found in company "J9A6Y".');
    } finally {
      session.close();
    }
  });

  test('bad input is refused naming the field, before any call', async () => {
    const session = sessionFor(ukg(), 'prod');
    try {
      const error = await failure(
        session.runAction('get_employee', { company_id: 'J9A6Y', employee_id: '../x' }),
      );
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/employee_id/);
      expect(ukg().production.state().requests).toEqual({});
    } finally {
      session.close();
    }
  });

  test('search_employees pages with per_Page and says when a page was full', async () => {
    const session = sessionFor(ukg(), 'prod');
    try {
      const first = (await session.runAction('search_employees', {
        company_id: 'K2B7Z',
        per_page: 25,
      })) as {
        employees: unknown[];
        has_more: boolean;
      };
      const second = (await session.runAction('search_employees', {
        company_id: 'K2B7Z',
        per_page: 25,
        page: 2,
      })) as {
        employees: unknown[];
        has_more: boolean;
      };
      // The fixture has 30 people in company K2B7Z.
      expect([
        first.employees.length,
        first.has_more,
        second.employees.length,
        second.has_more,
      ]).toEqual([25, true, 5, false]);
    } finally {
      session.close();
    }
  });

  test('list_org_levels filters and returns budget FTE', async () => {
    const session = sessionFor(ukg(), 'prod');
    try {
      const out = (await session.runAction('list_org_levels', {
        level_description: 'Department',
      })) as {
        org_levels: Array<{ code: string; currentYearBudgetFTE: number }>;
      };
      expect(out.org_levels.map((o) => [o.code, o.currentYearBudgetFTE])).toEqual([
        ['FIN', 12],
        ['RND', 55.5],
      ]);
    } finally {
      session.close();
    }
  });

  test('list_positions: 120 positions in pages of 50', async () => {
    const session = sessionFor(ukg(), 'prod');
    try {
      const third = (await session.runAction('list_positions', { per_page: 50, page: 3 })) as {
        positions: Array<{ positionCode: string }>;
        has_more: boolean;
      };
      expect(third.positions).toHaveLength(20);
      expect(third.positions[0]?.positionCode).toBe('P00101');
      expect(third.has_more).toBe(false);
    } finally {
      session.close();
    }
  });

  test('an account without Company Configuration Integration is refused naming it', async () => {
    const session = sessionFor(ukg(), 'prod_people_only');
    try {
      const error = await failure(session.runAction('list_org_levels', {}));
      expect(error.code).toBe('insufficient_scope');
      expect(error.hint).toMatch(/Company Configuration Integration \(View\)/);
      // People are still readable with the same account.
      await expect(session.runAction('search_employees', { per_page: 1 })).resolves.toBeDefined();
    } finally {
      session.close();
    }
  });

  test('a wrong customer API key is unauthorized and no secret leaks', async () => {
    const session = sessionFor(ukg(), 'prod_wrong_key');
    const c = connectionOf(ukg(), 'prod_wrong_key');
    try {
      const error = await failure(session.runAction('list_org_levels', {}));
      expect(error.code).toBe('unauthorized');
      const text = JSON.stringify({
        message: error.message,
        hint: error.hint,
        details: error.details,
      });
      expect(text).not.toContain(c.password);
      expect(text).not.toContain(c.customer_api_key);
    } finally {
      session.close();
    }
  });

  test('a 429 with Retry-After is retried and succeeds', async () => {
    ukg().production.setFaults({ rules: [{ kind: 'rate_limit', times: 1, retryAfterSeconds: 0 }] });
    const session = sessionFor(ukg(), 'prod');
    try {
      await expect(session.runAction('list_org_levels', {})).resolves.toBeDefined();
      expect(ukg().production.state().statuses).toMatchObject({ '429': 1, '200': 1 });
    } finally {
      session.close();
    }
  });
});

describe('Developer Console client', () => {
  test('one token serves every call, sent with global-tenant-id', async () => {
    const session = sessionFor(ukg(), 'prod_console');
    try {
      await session.runAction('list_positions', { per_page: 5 });
      await session.runAction('list_org_levels', {});
      await Promise.all(
        [1, 2, 3].map((page) => session.runAction('search_employees', { per_page: 10, page })),
      );
      const state = ukg().production.state();
      expect(state.requests.token).toBe(1);
      expect(state.statuses['401']).toBeUndefined();
    } finally {
      session.close();
    }
  });

  test('without an organization the calls are refused (no global-tenant-id)', async () => {
    const session = sessionFor(ukg(), 'prod_console_no_organization');
    try {
      const error = await failure(session.runAction('list_positions', {}));
      expect(error.code).toBe('unauthorized');
    } finally {
      session.close();
    }
  });
});

describe('custom_action', () => {
  test('reads any resource on the host', async () => {
    const session = sessionFor(ukg(), 'prod');
    try {
      const out = (await session.runAction('custom_action', {
        path: '/configuration/v1/org-levels',
        query: { code: 'EAST' },
      })) as { status: number; data: Array<{ code: string }> };
      expect(out.status).toBe(200);
      expect(out.data.map((o) => o.code)).toEqual(['EAST']);
    } finally {
      session.close();
    }
  });

  test.each([
    [
      { path: '/personnel/v1/person-details', headers: { 'X-Tenant-ID': 'acme' } },
      /no X-Tenant-ID header/,
      /global-tenant-id/,
    ],
    [{ path: '/api/v1/workforce/planning/headcount', method: 'POST' }, /no resource/, /org-levels/],
    [{ path: 'https://evil.example/personnel/v1/person-details' }, /absolute URL/, /host/],
    [{ path: '/personnel/v1/../../x' }, /"\.\." segment/, /host/],
    [
      { path: '/personnel/v1/person-details', headers: { 'US-Customer-Api-Key': 'x' } },
      /set by the connection/,
      /Remove/,
    ],
  ])('refuses %j before any call', async (input, message, hint) => {
    const session = sessionFor(ukg(), 'prod');
    try {
      const error = await failure(session.runAction('custom_action', input));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
      expect(error.hint ?? '').toMatch(hint);
      expect(ukg().production.state().requests).toEqual({});
    } finally {
      session.close();
    }
  });
});
