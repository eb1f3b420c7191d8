/**
 * The UKG Pro connector: person and employment details, org levels and positions over UKG
 * Pro's REST API, with either auth model (reference/other-systems.md §2.1), one connection per
 * environment.
 */
import { defineConnector } from '../../sdk/define';
import { actions } from './actions';
import { triggers } from './triggers';
import { connectionFields } from './ukg/connection-fields';
import type { UkgConnection } from './ukg/connection-fields';
import { parseUkgErrorBody } from './ukg/errors';
import { parseRecords, personDetailsSchema } from './ukg/records';
import { consoleTokenEndpoint, webServicesOrigin } from './ukg/urls';
import { CUSTOMER_API_KEY_HEADER, GLOBAL_TENANT_HEADER, UKG_PATHS } from './ukg/web-services';

// The schema's refinement guarantees these per auth_type; the fallback never reaches UKG.
const field = (value: string | undefined): string => value ?? '';

export default defineConnector({
  title: 'UKG Pro',
  description:
    'UKG Pro HCM over REST: employees (person and employment details), org levels with ' +
    'budgeted headcount, and positions; a web service account or a Developer Console client.',
  version: '0.1.0',
  connection: {
    fields: connectionFields,
    authorization: {
      type: 'multi',
      selected: (connection: UkgConnection) => connection.auth_type,
      options: {
        web_service_account: {
          type: 'basic_auth',
          title: 'Web service account (Basic + customer API key)',
          username: (connection) => field(connection.username),
          password: (connection) => field(connection.password),
          // Only the customer key goes to REST; the user API key is for SOAP (§2.1 a).
          apply: (connection) => ({
            headers: { [CUSTOMER_API_KEY_HEADER]: field(connection.customer_api_key) },
          }),
        },
        client_credentials: {
          type: 'oauth2',
          title: 'Developer Console client (client credentials)',
          grant: 'client_credentials',
          token_url: (connection) => consoleTokenEndpoint(field(connection.token_url)),
          client_id: (connection) => field(connection.client_id),
          client_secret: (connection) => field(connection.client_secret),
          client_authentication: () => 'body',
          // Audience selects the API; the organization names the tenant. No scope, no
          // tenant_context (§2.1 b, §4).
          token_params: (connection) => ({
            audience: field(connection.audience),
            ...(connection.organization === undefined
              ? {}
              : { organization: connection.organization }),
          }),
          apply: (connection, accessToken) => ({
            headers: {
              Authorization: `Bearer ${accessToken}`,
              ...(connection.organization === undefined
                ? {}
                : { [GLOBAL_TENANT_HEADER]: connection.organization }),
            },
          }),
          refresh_on: [401],
        },
      },
    },
    base_uri: (connection) => webServicesOrigin(connection.base_url),
    error_body: parseUkgErrorBody,
  },
  async test({ connection, http }) {
    const [first] = parseRecords(
      personDetailsSchema,
      await http.get(UKG_PATHS.personDetails, { per_Page: 1 }),
      'person-details',
    );
    return {
      username:
        connection.auth_type === 'web_service_account'
          ? field(connection.username)
          : field(connection.client_id),
      host: webServicesOrigin(connection.base_url),
      ...(first === undefined ? {} : { sample_company: first.companyId }),
    };
  },
  actions,
  triggers,
  pick_lists: {},
});
