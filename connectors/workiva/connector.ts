/**
 * The Workiva connector: files, spreadsheets and ranges of the Workiva Platform API (version
 * 2026-01-01) with an integration user's OAuth2 client credentials (reference/other-systems.md
 * §3). The token endpoint counts against the rate limit, so the token is cached for its whole
 * life (≈10 minutes) and requested again only when it expires or is refused.
 */
import { defineConnector } from '../../sdk/define';
import { actions } from './actions';
import { triggers } from './triggers';
import { API_VERSION, TOKEN_PATH, VERSION_HEADER, WORKIVA_PATHS } from './workiva/api';
import { connectionFields } from './workiva/connection-fields';
import { parseWorkivaErrorBody } from './workiva/errors';
import { apiOrigin } from './workiva/host';
import { filesPageSchema, parseAnswer } from './workiva/records';

export default defineConnector({
  title: 'Workiva',
  description:
    'Workiva Platform API: list files, read and update spreadsheet ranges (long-running ' +
    "operations), with an integration user's OAuth2 client credentials.",
  version: '0.1.0',
  connection: {
    fields: connectionFields,
    authorization: {
      type: 'oauth2',
      title: 'OAuth2 client credentials (integration user)',
      grant: 'client_credentials',
      token_url: (connection) => `${apiOrigin(connection)}${TOKEN_PATH}`,
      client_id: (connection) => connection.client_id,
      client_secret: (connection) => connection.client_secret,
      client_authentication: (connection) => connection.client_authentication,
      scope: (connection) => connection.scope,
      apply: (_connection, accessToken) => ({
        headers: { Authorization: `Bearer ${accessToken}`, [VERSION_HEADER]: API_VERSION },
      }),
      refresh_on: [401],
    },
    base_uri: (connection) => apiOrigin(connection),
    error_body: parseWorkivaErrorBody,
  },
  async test({ connection, http }) {
    const page = parseAnswer(
      filesPageSchema,
      await http.get(WORKIVA_PATHS.files, { $maxpagesize: 1 }),
      'files',
    );
    return {
      client_id: connection.client_id,
      region: connection.region,
      host: apiOrigin(connection),
      sees_files: page.data.length > 0,
    };
  },
  actions,
  triggers,
  pick_lists: {},
});
