/**
 * The Workday connector: one declarative object (Workato's connector hash, key for key) that the
 * CLI runs, `connector build` bundles, and a recipe builder sees as connection form, actions,
 * trigger and pick lists.
 */
import { actions } from './actions';
import packageJson from './package.json';
import { pickLists } from './pick-lists';
import { defineConnector } from './sdk/define';
import type { OAuth2Authorization } from './sdk/define';
import { ConnectorError } from './sdk/errors';
import { triggers } from './triggers';
import { connectionFields } from './workday/connection-fields';
import type { WorkdayConnection } from './workday/connection-fields';
import { parseWorkdayEndpoints } from './workday/endpoints';
import { parseWorkdayErrorBody } from './workday/rest-errors';
import { itemParser, workdayReferenceSchema } from './workday/schemas';

const parseMe = itemParser(workdayReferenceSchema, 'workers/me');

// Shared by both grants. No `scope` is sent: Workday's scopes are the functional areas ticked
// on the API client registration (workday-api.md §2). `token_url` parses every endpoint first,
// so a tenant mismatch is refused before any token request.
const tokenEndpoint: Pick<
  OAuth2Authorization<WorkdayConnection>,
  'token_url' | 'client_id' | 'client_secret' | 'client_authentication' | 'apply' | 'refresh_on'
> = {
  token_url: (connection) => parseWorkdayEndpoints(connection).tokenUrl,
  client_id: (connection) => connection.client_id,
  client_secret: (connection) => connection.client_secret,
  client_authentication: (connection) => connection.client_authentication,
  apply: (_connection, accessToken) => ({ headers: { Authorization: `Bearer ${accessToken}` } }),
  refresh_on: [401],
};

// The connection fields behind the lambdas, for platforms that keep credentials in their own
// forms (n8n): where a rotated refresh token is written back, which fields their OAuth uses.
const fieldNames = {
  client_id: 'client_id',
  client_secret: 'client_secret',
  authorization_url: 'authorization_endpoint',
  token_url: 'token_endpoint',
  refresh_token: 'refresh_token',
  redirect_uri: 'redirect_uri',
};

function authorizationUrl(connection: WorkdayConnection): string {
  const url = parseWorkdayEndpoints(connection).authorizationUrl;
  if (url === undefined) {
    throw new ConnectorError(
      'invalid_settings',
      'The Authorization Endpoint ("authorization_endpoint") is missing; a user-account API client needs it.',
      {
        hint: 'Copy "Authorization Endpoint" from task View API Clients, e.g. https://impl.workday.com/acme/authorize.',
      },
    );
  }
  return url;
}

export default defineConnector({
  title: 'Workday',
  description:
    'Workday HCM and Financials over the REST API (workers, inbox tasks and approvals) and ' +
    'Financial_Management web services (GL journal entries), one connection per tenant.',
  version: packageJson.version,
  connection: {
    fields: connectionFields,
    authorization: {
      type: 'multi',
      selected: (connection) => connection.auth_type,
      options: {
        authorization_code: {
          type: 'oauth2',
          title: 'API client for a user account',
          grant: 'authorization_code',
          pkce: true,
          authorization_url: authorizationUrl,
          refresh_token: (connection) => connection.refresh_token,
          field_names: fieldNames,
          ...tokenEndpoint,
        },
        refresh_token: {
          type: 'oauth2',
          title: 'API client for integrations (ISU refresh token)',
          grant: 'refresh_token',
          refresh_token: (connection) => connection.refresh_token,
          field_names: fieldNames,
          ...tokenEndpoint,
        },
      },
    },
    base_uri: (connection) => parseWorkdayEndpoints(connection).restBase,
    error_body: parseWorkdayErrorBody,
  },
  /** Who the connection acts as: the user or integration system user behind the token. */
  async test({ connection, http }) {
    const endpoints = parseWorkdayEndpoints(connection);
    const me = parseMe(await http.get(endpoints.commonPath('workers/me')));
    return { id: me.id, descriptor: me.descriptor ?? '', tenant: endpoints.tenant };
  },
  actions,
  triggers,
  pick_lists: pickLists,
});
