/**
 * The Infor CloudSuite connector through the ION API Gateway: a second system on the same SDK as
 * the Workday connector, shaped the same way (connection, test, actions, triggers).
 */
import { actions } from './actions';
import packageJson from '../../package.json';
import { defineConnector } from '../../sdk/define';
import type { OAuth2Authorization } from '../../sdk/define';
import { triggers } from './triggers';
import { appTypeOf, ionConnectionFields } from './infor/connection-fields';
import type { IonConnection } from './infor/connection-fields';
import { parseIonEndpoints } from './infor/endpoints';
import { parseGatewayErrorBody } from './infor/gateway-errors';
import { readM3User } from './infor/m3-user';

// Shared by both app types: the token URL is pu + ot, revocation pu + or (§1.2); both parse
// every key first, so keys of two tenants are refused before any request.
const tokenEndpoint: Pick<
  OAuth2Authorization<IonConnection>,
  | 'token_url'
  | 'revoke_url'
  | 'client_id'
  | 'client_secret'
  | 'client_authentication'
  | 'scope'
  | 'refresh_token'
  | 'apply'
  | 'refresh_on'
> = {
  token_url: (c) => parseIonEndpoints(c).tokenUrl,
  revoke_url: (c) => parseIonEndpoints(c).revokeUrl,
  client_id: (c) => c.ci,
  client_secret: (c) => c.cs,
  client_authentication: (c) => c.client_authentication,
  // No scope unless the tenant enforces scopes (they are off by default, §1.5).
  scope: (c) => c.scope,
  refresh_token: (c) => c.refresh_token,
  apply: (_c, accessToken) => ({ headers: { Authorization: `Bearer ${accessToken}` } }),
  refresh_on: [401],
};

export default defineConnector({
  title: 'Infor CloudSuite (ION API Gateway)',
  description:
    'Infor CloudSuite through the ION API Gateway: M3 general-ledger batches (GLS840MI) and any ' +
    'API suite of the tenant, with a backend service account or client-credentials app.',
  version: packageJson.version,
  connection: {
    fields: ionConnectionFields,
    authorization: {
      type: 'multi',
      selected: (c) => appTypeOf(c),
      options: {
        service_account: {
          type: 'oauth2',
          title: 'Backend Service app with a service account (saak/sask, password grant)',
          grant: 'password',
          username: (c) => c.saak ?? '',
          password: (c) => c.sask ?? '',
          ...tokenEndpoint,
        },
        client_credentials: {
          type: 'oauth2',
          title: 'Backend Service app with the Client Credentials grant',
          grant: 'client_credentials',
          ...tokenEndpoint,
        },
      },
    },
    base_uri: (c) => parseIonEndpoints(c).gatewayBase,
    error_body: parseGatewayErrorBody,
  },
  /** Who the connection acts as in M3: the ERP user behind the service account. */
  async test({ connection, http }) {
    const user = await readM3User(http);
    return {
      username: user.user,
      company: user.company,
      ...(user.division === undefined ? {} : { division: user.division }),
      tenant: connection.ti,
    };
  },
  actions,
  triggers,
  pick_lists: {},
});
