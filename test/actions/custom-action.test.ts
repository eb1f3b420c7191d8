import { parseWorkdayEndpoints } from '../../workday/endpoints';
import { resolveTenantRestPath } from '../../workday/tenant-rest-path';
import { useSandboxFixture } from '../helpers/sandbox-session';

const endpoints = parseWorkdayEndpoints({
  rest_api_endpoint: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme',
  token_endpoint: 'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token',
});

describe('resolveTenantRestPath()', () => {
  it.each([
    ['common/v1/{tenant}/workers', 'common/v1/acme/workers'],
    ['common/v1/acme/workers/me/inboxTasks', 'common/v1/acme/workers/me/inboxTasks'],
    ['/ccx/api/common/v1/{tenant}/workers', 'common/v1/acme/workers'],
    ['v1/{tenant}/workers', 'v1/acme/workers'],
    ['coreAccounting/v1/{tenant}/currencies', 'coreAccounting/v1/acme/currencies'],
    ['common/v1/{tenant}/workers/', 'common/v1/acme/workers/'],
    ['common/v1/{tenant}/workers/Logan%20McNeil', 'common/v1/acme/workers/Logan%20McNeil'],
  ])('accepts %s', (path, expected) => {
    expect(resolveTenantRestPath(path, endpoints)).toBe(expected);
  });

  it.each([
    ['https://evil.example.com/steal', 'is an absolute URL'],
    ['HTTPS://wd2-impl-services1.workday.com/ccx/api/common/v1/acme/workers', 'is an absolute URL'],
    ['javascript:alert(1)', 'is an absolute URL'],
    ['//evil.example.com/ccx/api/common/v1/acme/workers', 'is protocol-relative'],
    ['\\\\evil.example.com/x', 'is protocol-relative'],
    ['/ccx/service/acme/Human_Resources/v45.0', 'is not under "/ccx/api/"'],
    ['/evil', 'is not under "/ccx/api/"'],
    ['common/v1/acme/../../../oauth2/acme/token', 'contains a "." or ".." segment'],
    ['common/v1/{tenant}/./workers', 'contains a "." or ".." segment'],
    ['common/v1/acme/%2e%2e/%2e%2e/service', 'percent-encoded'],
    ['common/v1/acme/..%2F..%2Fservice', 'percent-encoded'],
    ['common/v1/acme/%252e%252e/x', 'percent-encoded'],
    ['common/v1/acme/%5c%5cevil.example.com', 'percent-encoded'],
    ['common/v1/acme/workers\\..\\..', 'not allowed in a path'],
    ['common/v1/acme/workers?limit=1', 'not allowed in a path'],
    ['common/v1/acme/workers#x', 'not allowed in a path'],
    ['common/v1/acme/work ers', 'not allowed in a path'],
    ['common/v1/acme/wörkers', 'not allowed in a path'],
    ['common//v1/acme/workers', 'empty segment'],
    ['workers', 'does not have the shape'],
    ['', 'is empty'],
  ])('refuses %s', (path, problem) => {
    expect(() => resolveTenantRestPath(path, endpoints)).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining(problem) }),
    );
  });

  it('refuses another tenant with tenant_mismatch', () => {
    expect(() => resolveTenantRestPath('common/v1/acme_emea/workers', endpoints)).toThrow(
      expect.objectContaining({
        code: 'tenant_mismatch',
        details: { tenants: ['acme_emea', 'acme'] },
      }),
    );
  });
});

describe('custom_action', () => {
  const f = useSandboxFixture();

  it('sends a GET to the tenant with the query and returns status and body', async () => {
    const result = (await f.session('us').runAction('custom_action', {
      path: 'common/v1/{tenant}/workers',
      query: { limit: 2 },
    })) as { status: number; data: { total: number; data: unknown[] } };
    expect(result.status).toBe(200);
    expect(result.data.data).toHaveLength(2);
    expect(await f.count('rest.workers.list')).toBe(1);
  });

  it('sends a PUT with a JSON body, once', async () => {
    const result = await f.session('us').runAction('custom_action', {
      method: 'PUT',
      path: 'common/v1/{tenant}/inboxTasks/43229f94b95d6f17b238a0139a02dc9d',
      query: { type: 'approval' },
      body: { comment: 'Via the custom action' },
    });
    expect(result).toMatchObject({ status: 200, data: { id: '43229f94b95d6f17b238a0139a02dc9d' } });
    expect(await f.count('rest.inboxTasks.update')).toBe(1);
  });

  it.each([
    'https://evil.example.com/x',
    '//evil.example.com/x',
    'common/v1/{tenant}/../../../oauth2/acme_us/token',
    'common/v1/{tenant}/%2e%2e/%2e%2e/x',
  ])('refuses %s before any request', async (path) => {
    await expect(f.session('us').runAction('custom_action', { path })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await f.state()).requests.total).toBe(0);
  });

  it("passes Workday's error through with its message", async () => {
    await expect(
      f.session('us').runAction('custom_action', { path: 'common/v1/{tenant}/workers/nobody' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('Resource not found.'),
    });
  });
});
