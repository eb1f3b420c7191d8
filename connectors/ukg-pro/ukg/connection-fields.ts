/**
 * The UKG Pro connection form: one connection per environment (production and test are
 * separate hosts with separate accounts and keys, §2.5), with either REST auth model (§2.1):
 * - `web_service_account`: HTTP Basic of a web service account plus the customer API key;
 * - `client_credentials`: a Developer Console client (token URL, audience, organization), then
 *   `Authorization: Bearer` plus `global-tenant-id`.
 * Hints say where each value is in UKG Pro, because the seed's failures were values copied from
 * the wrong place.
 */
import { z } from 'zod';

const text = () => z.string().trim().min(1);

export const connectionFields = z
  .object({
    auth_type: z.enum(['web_service_account', 'client_credentials']).meta({
      label: 'Authentication type',
      hint:
        'Web service account (Basic + customer API key): the Personnel and Configuration REST ' +
        'APIs. Developer Console client (client credentials): APIs that take a bearer token ' +
        'and the global-tenant-id header.',
      control_type: 'select',
      sticky: true,
    }),
    base_url: text().meta({
      label: 'Web services host',
      hint:
        'System Configuration > Security > Web Services: the domain of the service URLs there, ' +
        'e.g. https://service5.ultipro.com (test: https://servicet.ultipro.com).',
      sticky: true,
    }),
    environment: z.enum(['production', 'test']).optional().meta({
      label: 'Environment',
      hint: 'Which UKG Pro environment this connection is meant for; doctor checks the hosts agree.',
      control_type: 'select',
    }),
    username: text().optional().meta({
      label: 'Web service account user name',
      hint: 'System Configuration > Security > Service Account Administration.',
    }),
    password: z.string().min(1).optional().meta({
      label: 'Web service account password',
      hint: 'Shown once when the service account is saved (or reset) on Service Account Administration.',
      secret: true,
    }),
    customer_api_key: text()
      .optional()
      .meta({
        label: 'Customer API key',
        hint:
          'Shown at the top of Service Account Administration. Not the user API key of the ' +
          'account: that one is for the SOAP services.',
        secret: true,
      }),
    user_api_key: text().optional().meta({
      label: 'User API key (SOAP only)',
      hint: 'Kept for SOAP services; never sent to the REST API.',
      secret: true,
    }),
    token_url: text().optional().meta({
      label: 'Generate Token URL',
      hint: 'System Configuration > Security > Developer Console, e.g. https://welcome-us.ukg.net.',
    }),
    audience: text().optional().meta({
      label: 'Audience',
      hint: 'Developer Console, field "audience", e.g. api.ukg.net.',
    }),
    organization: text()
      .optional()
      .meta({
        label: 'Organization',
        hint:
          'Developer Console, field "Organization", e.g. org_c5DJ9CCKN4WUuP98. Sent as the ' +
          'global-tenant-id header; without it every call is refused.',
      }),
    client_id: text().optional().meta({ label: 'Client ID', hint: 'Developer Console.' }),
    client_secret: z.string().min(1).optional().meta({
      label: 'Client secret',
      hint: 'Developer Console; shown when the client is created.',
      secret: true,
    }),
  })
  .superRefine((value, ctx) => {
    const needed: Array<keyof typeof value> =
      value.auth_type === 'web_service_account'
        ? ['username', 'password', 'customer_api_key']
        : ['token_url', 'audience', 'client_id', 'client_secret'];
    for (const field of needed) {
      if (value[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `required when auth_type is ${value.auth_type}`,
        });
      }
    }
  });

export type UkgConnection = z.output<typeof connectionFields>;
