/**
 * The named connections a running simulator writes: healthy ones for both auth models and
 * misconfigured ones, each reproducing one failure from the user's material.
 */
import type { EnvironmentContext } from './context';
import { DEFAULT_AUDIENCE } from './fixtures';

/** One connection as a settings file holds it. */
export type UkgConnectionSettings = Record<string, string>;

function basic(
  origin: string,
  context: EnvironmentContext,
  username: string,
  overrides: Partial<UkgConnectionSettings> = {},
): UkgConnectionSettings {
  return {
    auth_type: 'web_service_account',
    base_url: origin,
    username,
    password: context.secrets.passwords[username] ?? '',
    customer_api_key: context.secrets.customerApiKey,
    ...overrides,
  } as UkgConnectionSettings;
}

function consoleClient(
  origin: string,
  context: EnvironmentContext,
  clientId: string,
  overrides: Partial<UkgConnectionSettings> = {},
): UkgConnectionSettings {
  return {
    auth_type: 'client_credentials',
    base_url: origin,
    token_url: origin,
    audience: DEFAULT_AUDIENCE,
    organization: context.env.organization,
    client_id: clientId,
    client_secret: context.secrets.clientSecrets[clientId] ?? '',
    ...overrides,
  } as UkgConnectionSettings;
}

/** Builds the connections for a production and a test environment. */
export function buildConnections(
  production: { origin: string; context: EnvironmentContext },
  test: { origin: string; context: EnvironmentContext },
): Record<string, UkgConnectionSettings> {
  const prd = production.context;
  const tst = test.context;
  const withoutOrganization = consoleClient(production.origin, prd, 'acme-headcount-prd');
  delete withoutOrganization.organization;
  return {
    // Healthy.
    prod: basic(production.origin, prd, 'acme_integration'),
    test: basic(test.origin, tst, 'acme_integration_test'),
    prod_console: consoleClient(production.origin, prd, 'acme-headcount-prd'),
    // A web service account without Company Configuration Integration (View).
    prod_people_only: basic(production.origin, prd, 'acme_people_only'),
    // The customer API key of the test environment on production (wrong key, right account).
    prod_wrong_key: basic(production.origin, prd, 'acme_integration', {
      customer_api_key:
        tst.secrets.customerApiKey === prd.secrets.customerApiKey
          ? 'ZZZZZ'
          : tst.secrets.customerApiKey,
    }),
    // Test credentials (account, password, key) pointed at the production host.
    prod_with_test_credentials: basic(production.origin, tst, 'acme_integration_test'),
    // A Developer Console client with no organization: no global-tenant-id is sent.
    prod_console_no_organization: withoutOrganization,
    // The staging client and its organization against the production API.
    prod_console_with_test_client: consoleClient(production.origin, tst, 'acme-headcount-stg', {
      token_url: test.origin,
    }),
  };
}
