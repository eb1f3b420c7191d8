/** UKG Pro knowledge without HTTP: hosts, URLs, connection fields, error bodies, seed claims. */
import { isConnectorError } from '../../../../sdk/errors';
import { connectionFields } from '../../ukg/connection-fields';
import { parseUkgErrorBody } from '../../ukg/errors';
import { tokenHostEnvironment, webServicesEnvironment } from '../../ukg/hosts';
import { parseRecords, employmentDetailsSchema } from '../../ukg/records';
import { findSeedClaim, NONEXISTENT_HEADERS } from '../../ukg/seed-claims';
import { consoleTokenEndpoint, webServicesOrigin } from '../../ukg/urls';

describe('hosts', () => {
  test.each([
    ['servicet.ultipro.com', 'test'],
    ['service5.ultipro.com', 'production'],
    ['service3.ultipro.ca', 'production'],
    ['service101.ukgpro.com', 'production'],
    ['127.0.0.1', 'unknown'],
    ['proxy.acme.example', 'unknown'],
  ])('web services host %s is %s', (host, env) => {
    expect(webServicesEnvironment(host)).toBe(env);
  });

  test.each([
    ['welcome-staging-test.ukg.dev', 'test'],
    ['welcome-us.ukg.net', 'production'],
    ['127.0.0.1', 'unknown'],
  ])('token host %s is %s', (host, env) => {
    expect(tokenHostEnvironment(host)).toBe(env);
  });
});

describe('URLs', () => {
  test('the Web Services page URL is reduced to its origin', () => {
    expect(webServicesOrigin('https://servicet.ultipro.com/services/')).toBe(
      'https://servicet.ultipro.com',
    );
  });

  test('plain http off loopback is refused naming the field', () => {
    try {
      webServicesOrigin('http://service5.ultipro.com');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(isConnectorError(error) && error.code).toBe('invalid_settings');
      expect((error as Error).message).toMatch(/"base_url" must be https/);
    }
  });

  test('the token endpoint is {Generate Token URL}/oauth/token, pasted either way', () => {
    expect(consoleTokenEndpoint('https://welcome-us.ukg.net')).toBe(
      'https://welcome-us.ukg.net/oauth/token',
    );
    expect(consoleTokenEndpoint('https://welcome-us.ukg.net/oauth/token/')).toBe(
      'https://welcome-us.ukg.net/oauth/token',
    );
  });
});

describe('connection fields', () => {
  test('a web service account needs user name, password and customer API key', () => {
    const result = connectionFields.safeParse({
      auth_type: 'web_service_account',
      base_url: 'https://service5.ultipro.com',
      username: 'svc',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['password', 'customer_api_key']);
  });

  test('a Developer Console client needs token URL, audience, client id and secret, not an organization', () => {
    const result = connectionFields.safeParse({
      auth_type: 'client_credentials',
      base_url: 'https://service5.ultipro.com',
      token_url: 'https://welcome-us.ukg.net',
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'audience',
      'client_id',
      'client_secret',
    ]);
  });
});

describe('error bodies and records', () => {
  test('problem documents are read, other shapes are not', () => {
    expect(
      parseUkgErrorBody({ title: 'Forbidden', status: 403, detail: 'No access.' }, 403),
    ).toEqual({
      message: 'Forbidden: No access.',
      messages: [{ message: 'No access.' }],
    });
    expect(parseUkgErrorBody({ error: 'insufficient_permissions' }, 401)).toBeUndefined();
  });

  test('records name the first item that does not fit', () => {
    expect(() =>
      parseRecords(
        employmentDetailsSchema,
        [{ employeeID: 'A1', companyID: 'C' }, { employeeId: 'A2' }],
        'employment-details',
      ),
    ).toThrow(/employment-details item 1\.employeeID/);
    expect(() =>
      parseRecords(employmentDetailsSchema, { employeeID: 'A1' }, 'employment-details'),
    ).toThrow(/not a JSON array/);
  });
});

describe('seed claims', () => {
  test('X-Tenant-ID and tenant_context are known not to exist', () => {
    expect(NONEXISTENT_HEADERS.has('x-tenant-id')).toBe(true);
    expect(findSeedClaim('x-tenant-id')?.instead).toMatch(/global-tenant-id/);
    expect(findSeedClaim('tenant_context')?.instead).toMatch(/\/signin\/oauth2\/t\/\{tenant\}/);
    expect(findSeedClaim('/api/v1/workforce/planning/headcount')?.instead).toMatch(/org-levels/);
    expect(findSeedClaim('global-tenant-id')).toBeUndefined();
  });
});
