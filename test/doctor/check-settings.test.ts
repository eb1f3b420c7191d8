import { checkSettings } from '../../cli/doctor/check-settings';
import { connectionFields } from '../../workday/connection-fields';

const good = {
  auth_type: 'refresh_token',
  rest_api_endpoint: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme',
  token_endpoint: 'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token',
  client_id: 'client-1',
  client_secret: 'generated-secret-value',
  refresh_token: 'generated-refresh-value',
};

describe('checkSettings()', () => {
  it('passes well-formed ISU settings and returns the parsed connection', () => {
    const outcome = checkSettings(connectionFields, good);
    expect(outcome.result).toMatchObject({ check: 'settings', status: 'pass' });
    expect(outcome.result.detail).toContain('API client for integrations (ISU refresh token)');
    // Defaults from the schema are applied.
    expect(outcome.connection).toMatchObject({
      soap_version: 'v45.0',
      client_authentication: 'basic',
    });
  });

  it('names settings keys the connection does not have, with the field that was meant', () => {
    const outcome = checkSettings(connectionFields, {
      ...good,
      max_concurency: 8,
      favourite_colour: 'blue',
      access_token: 'cached-token-value',
    });
    expect(outcome.result.status).toBe('pass');
    expect(outcome.result.detail).toContain(
      '"max_concurency" is not a connection field and is ignored (did you mean "max_concurrency"?)',
    );
    expect(outcome.result.detail).toContain(
      '"favourite_colour" is not a connection field and is ignored.',
    );
    // The token cache the connector writes itself is not reported.
    expect(outcome.result.detail).not.toContain('access_token');
  });

  it('explains client_credentials instead of refusing it bare', () => {
    const outcome = checkSettings(connectionFields, { ...good, auth_type: 'client_credentials' });
    expect(outcome.connection).toBeUndefined();
    expect(outcome.result).toMatchObject({
      status: 'fail',
      code: 'invalid_settings',
      category: 'input',
    });
    expect(outcome.result.detail).toBe(
      'auth_type "client_credentials" is not a documented way for Workday API clients: Workday API clients issue ' +
        'tokens through an authorization code (an API client for a user account: auth_type ' +
        '"authorization_code", then `bin/connector oauth2`) or an Integration System User\'s refresh token ' +
        '(Register API Client for Integrations → Manage Refresh Tokens for Integrations: auth_type ' +
        '"refresh_token"); there is no `scope` parameter, scopes are the functional areas ticked on the API client.',
    );
  });

  it('names other unsupported auth types', () => {
    const outcome = checkSettings(connectionFields, { ...good, auth_type: 'password' });
    expect(outcome.result.detail).toMatch(
      /^auth_type "password" is not supported \(use "authorization_code" or "refresh_token"\)/,
    );
  });

  it('lists every field problem by name and label, without values', () => {
    const { client_secret: _secret, ...withoutSecret } = good;
    const outcome = checkSettings(connectionFields, {
      ...withoutSecret,
      soap_version: '45',
    });
    expect(outcome.result).toMatchObject({
      status: 'fail',
      code: 'invalid_settings',
      category: 'input',
    });
    const detail = outcome.result.detail;
    expect(detail).toContain('"client_secret" (Client secret) is missing');
    expect(detail).toBe(
      '"client_secret" (Client secret) is missing; "soap_version" (SOAP version) Use a Workday Web ' +
        'Services version such as v45.0. Fix these fields in the settings file.',
    );
    expect(outcome.result.facts).toEqual({
      issues: [
        expect.objectContaining({ path: 'client_secret' }),
        expect.objectContaining({ path: 'soap_version' }),
      ],
    });
  });

  it('reports an ISU connection without a refresh token', () => {
    const outcome = checkSettings(connectionFields, { ...good, refresh_token: '' });
    expect(outcome.result.detail).toBe(
      '"refresh_token" (Refresh token) An API client for integrations needs the refresh token ' +
        'generated in Manage Refresh Tokens for Integrations. Fix these fields in the settings file.',
    );
  });

  it('notes settings keys Workday ignores, such as scope', () => {
    const outcome = checkSettings(connectionFields, { ...good, scope: 'workday_financial_mgmt' });
    expect(outcome.result.status).toBe('pass');
    expect(outcome.result.detail).toContain(
      '"scope" is ignored: Workday scopes are the functional areas on the API client, never a request parameter',
    );
  });
});
