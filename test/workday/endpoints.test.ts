import fc from 'fast-check';
import { isConnectorError } from '../../sdk/errors';
import type { ConnectorError } from '../../sdk/errors';
import { parseWorkdayEndpoints } from '../../workday/endpoints';
import type { EndpointSettings } from '../../workday/endpoints';

const US: EndpointSettings = {
  auth_type: 'refresh_token',
  rest_api_endpoint: 'https://wd5-impl-services1.workday.com/ccx/api/v1/acme_us',
  token_endpoint: 'https://wd5-impl-services1.workday.com/ccx/oauth2/acme_us/token',
};
const EMEA: EndpointSettings = {
  auth_type: 'authorization_code',
  rest_api_endpoint: 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme_emea',
  token_endpoint: 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme_emea/token',
  authorization_endpoint: 'https://impl.workday.com/acme_emea/authorize',
  soap_version: 'v44.2',
};

function failure(settings: EndpointSettings): ConnectorError {
  try {
    parseWorkdayEndpoints(settings);
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected parseWorkdayEndpoints to throw');
}

describe('parseWorkdayEndpoints()', () => {
  it('derives tenant, bases and paths from a US integration connection', () => {
    const endpoints = parseWorkdayEndpoints(US);
    expect(endpoints).toMatchObject({
      tenant: 'acme_us',
      origin: 'https://wd5-impl-services1.workday.com',
      restBase: 'https://wd5-impl-services1.workday.com/ccx/api/',
      soapPath: '/ccx/service/acme_us/Financial_Management/v45.0',
      soapVersion: 'v45.0',
      tokenUrl: 'https://wd5-impl-services1.workday.com/ccx/oauth2/acme_us/token',
    });
    expect(endpoints.authorizationUrl).toBeUndefined();
    expect(endpoints.commonPath('workers/me/inboxTasks')).toBe(
      'common/v1/acme_us/workers/me/inboxTasks',
    );
    expect(endpoints.commonPath('/workers')).toBe('common/v1/acme_us/workers');
    expect(endpoints.servicePath('coreAccounting', 'v1', 'currencies')).toBe(
      'coreAccounting/v1/acme_us/currencies',
    );
  });

  it('accepts an EMEA user-account connection with its authorization endpoint on another host', () => {
    const endpoints = parseWorkdayEndpoints(EMEA);
    expect(endpoints.tenant).toBe('acme_emea');
    expect(endpoints.authorizationUrl).toBe('https://impl.workday.com/acme_emea/authorize');
    expect(endpoints.soapPath).toBe('/ccx/service/acme_emea/Financial_Management/v44.2');
  });

  it('accepts trailing slashes, surrounding spaces, upper-case hosts and a versioned REST endpoint', () => {
    const endpoints = parseWorkdayEndpoints({
      rest_api_endpoint: '  https://WD5-IMPL-services1.workday.com/ccx/api/common/v1/acme_us/ ',
      token_endpoint: 'https://wd5-impl-services1.workday.com:443/ccx/oauth2/acme_us/token/',
    });
    expect(endpoints.origin).toBe('https://wd5-impl-services1.workday.com');
    expect(endpoints.restApiEndpoint).toBe(
      'https://wd5-impl-services1.workday.com/ccx/api/common/v1/acme_us',
    );
  });

  it('refuses a token endpoint of another tenant, naming both tenants and the field', () => {
    const error = failure({
      ...US,
      token_endpoint: 'https://wd5-impl-services1.workday.com/ccx/oauth2/acme_emea/token',
    });
    expect(error.code).toBe('tenant_mismatch');
    expect(error.message).toBe(
      'The Token Endpoint ("token_endpoint") is for tenant "acme_emea" but the Workday REST API Endpoint ("rest_api_endpoint") is for tenant "acme_us"; one connection must name one tenant.',
    );
    expect(error.details).toMatchObject({
      field: 'token_endpoint',
      tenants: ['acme_emea', 'acme_us'],
    });
    expect(error.hint).toContain('View API Clients');
  });

  it('calls out tenants that differ only in letter case', () => {
    const error = failure({
      ...US,
      token_endpoint: 'https://wd5-impl-services1.workday.com/ccx/oauth2/ACME_US/token',
    });
    expect(error.code).toBe('tenant_mismatch');
    expect(error.message).toContain('differ only in letter case');
  });

  it('refuses an authorization endpoint of another tenant', () => {
    const error = failure({
      ...EMEA,
      authorization_endpoint: 'https://impl.workday.com/acme_us/authorize',
    });
    expect(error.code).toBe('tenant_mismatch');
    expect(error.details).toMatchObject({
      field: 'authorization_endpoint',
      tenants: ['acme_us', 'acme_emea'],
    });
  });

  it('refuses a US connection pointed at the EMEA token host, naming both hosts', () => {
    const error = failure({
      ...US,
      token_endpoint: 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme_us/token',
    });
    expect(error.code).toBe('tenant_mismatch');
    expect(error.message).toBe(
      'The Token Endpoint ("token_endpoint") is on "wd3-impl-services1.workday.com" but the Workday REST API Endpoint ("rest_api_endpoint") is on "wd5-impl-services1.workday.com"; tenant "acme_us" lives on one services host, so tokens from one host are not accepted by the other.',
    );
    expect(error.details['hosts']).toEqual([
      'wd3-impl-services1.workday.com',
      'wd5-impl-services1.workday.com',
    ]);
  });

  it('refuses plain http outside loopback and allows it on 127.0.0.1, localhost and [::1]', () => {
    const error = failure({
      ...US,
      rest_api_endpoint: 'http://wd5-impl-services1.workday.com/ccx/api/v1/acme_us',
    });
    expect(error.code).toBe('invalid_settings');
    expect(error.message).toBe(
      'The Workday REST API Endpoint ("rest_api_endpoint") uses plain http on host "wd5-impl-services1.workday.com".',
    );
    for (const host of ['127.0.0.1:8080', 'localhost:9', '[::1]:3000', '127.5.6.7']) {
      const endpoints = parseWorkdayEndpoints({
        rest_api_endpoint: `http://${host}/ccx/api/v1/acme_us`,
        token_endpoint: `http://${host}/ccx/oauth2/acme_us/token`,
      });
      expect(endpoints.origin).toBe(`http://${host}`);
    }
    expect(
      failure({
        rest_api_endpoint: 'http://127.0.0.1.nip.io/ccx/api/v1/a',
        token_endpoint: US.token_endpoint,
      }).code,
    ).toBe('invalid_settings');
  });

  it('treats the same host on different ports or schemes as different hosts', () => {
    const error = failure({
      rest_api_endpoint: 'http://127.0.0.1:8080/ccx/api/v1/acme_us',
      token_endpoint: 'http://127.0.0.1:8081/ccx/oauth2/acme_us/token',
    });
    expect(error.code).toBe('tenant_mismatch');
  });

  it.each([
    ['not a URL', 'rest_api_endpoint', 'not a url', 'is not a valid URL'],
    ['missing', 'token_endpoint', '', 'is missing'],
    ['ftp scheme', 'rest_api_endpoint', 'ftp://h/ccx/api/v1/a', 'must be an https URL, not "ftp:"'],
    [
      'credentials',
      'token_endpoint',
      'https://u:p@wd5-impl-services1.workday.com/ccx/oauth2/acme_us/token',
      'must not contain a user name or password',
    ],
    [
      'query string',
      'rest_api_endpoint',
      'https://wd5-impl-services1.workday.com/ccx/api/v1/acme_us?x=1',
      'must not have a query string or fragment',
    ],
    [
      'empty query',
      'rest_api_endpoint',
      'https://wd5-impl-services1.workday.com/ccx/api/v1/acme_us?',
      'must not have a query string or fragment',
    ],
    [
      'double slash',
      'rest_api_endpoint',
      'https://wd5-impl-services1.workday.com/ccx//api/v1/acme_us',
      'has an empty path segment',
    ],
    [
      'resource after tenant',
      'rest_api_endpoint',
      'https://wd5-impl-services1.workday.com/ccx/api/v1/acme_us/workers',
      'has the path "/ccx/api/v1/acme_us/workers" instead of',
    ],
    [
      'bad tenant',
      'token_endpoint',
      'https://wd5-impl-services1.workday.com/ccx/oauth2/ac%20me/token',
      'names an invalid tenant',
    ],
  ] as const)('refuses %s as invalid_settings naming the field', (_name, field, value, text) => {
    const error = failure({ ...US, [field]: value });
    expect(error.code).toBe('invalid_settings');
    expect(error.details['field']).toBe(field);
    expect(error.message).toContain(text);
  });

  it('says when a token endpoint was pasted into the REST field', () => {
    const error = failure({ ...US, rest_api_endpoint: US.token_endpoint });
    expect(error.message).toContain('(it looks like a Token Endpoint)');
  });

  it('never echoes an unparsable value (it may be a secret pasted into the wrong field)', () => {
    const error = failure({ ...US, rest_api_endpoint: 'sEcReT-value-123' });
    expect(error.message).not.toContain('sEcReT');
  });

  it('requires the authorization endpoint for a user-account client', () => {
    const { authorization_endpoint: _dropped, ...rest } = EMEA;
    const error = failure(rest);
    expect(error.code).toBe('invalid_settings');
    expect(error.details['field']).toBe('authorization_endpoint');
  });

  it('refuses a malformed SOAP version', () => {
    expect(failure({ ...US, soap_version: '45' }).details['field']).toBe('soap_version');
  });

  it('returns endpoints or a ConnectorError for any strings, never another exception', () => {
    const urlish = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc.constantFrom(
        'https://h/ccx/api/v1/',
        'http://[::1]/ccx/oauth2/t/token',
        'https://h/t/authorize',
      ),
    );
    fc.assert(
      fc.property(
        urlish,
        urlish,
        fc.option(urlish, { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (rest, token, auth, soap) => {
          try {
            const endpoints = parseWorkdayEndpoints({
              rest_api_endpoint: rest,
              token_endpoint: token,
              authorization_endpoint: auth,
              soap_version: soap,
            });
            expect(endpoints.tenant).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);
          } catch (error) {
            expect(isConnectorError(error)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
