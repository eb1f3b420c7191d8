import { z } from 'zod';

const key = (label: string, hint: string) => z.string().trim().min(1).meta({ label, hint });

/**
 * The Infor ION API connection: the keys of the `.ionapi` file an administrator downloads from
 * API Gateway > Authorized Apps > (app) > Download Credentials (other-systems.md §1.1), under the
 * file's own short names so that a file can be pasted as is. `connector settings import-ionapi`
 * writes them from the file; each can also be typed by hand.
 */
export const ionConnectionFields = z.object({
  app_type: z
    .enum(['service_account', 'client_credentials'])
    .optional()
    .meta({
      label: 'Authorized app type',
      hint:
        'service_account: a Backend Service app with a service account (the file has saak and ' +
        'sask; password grant). client_credentials: a Backend Service app registered with Grant ' +
        'Type "Client Credentials" (the file has no saak/sask). Default: service_account when ' +
        'saak is present, else client_credentials.',
      control_type: 'select',
    }),
  ti: key(
    'Tenant (ti)',
    'The tenant of this file, e.g. ACME_PRD. Test and production are separate tenants, each with its own file.',
  ),
  cn: z.string().optional().meta({ label: 'Authorized app name (cn)', hint: 'Informational.' }),
  ci: key(
    'Client ID (ci)',
    "The authorized app's client id, prefixed with the tenant in cloud files: TENANT~...",
  ),
  cs: z
    .string()
    .min(1)
    .meta({ label: 'Client secret (cs)', hint: 'From the same .ionapi file.', secret: true }),
  iu: key(
    'ION API Gateway URL (iu)',
    'e.g. https://mingle-ionapi.inforcloudsuite.com; requests go to {iu}/{ti}/{API suite context}/...',
  ),
  pu: key(
    'Authorization server URL (pu)',
    'e.g. https://mingle-sso.inforcloudsuite.com:443/ACME_PRD/as/ — it names the tenant too.',
  ),
  oa: z.string().optional().meta({
    label: 'Authorization path (oa)',
    hint: 'authorization.oauth2 in cloud files; unused by backend apps.',
  }),
  ot: z
    .string()
    .trim()
    .min(1)
    .default('token.oauth2')
    .meta({ label: 'Token path (ot)', hint: 'Appended to pu: token.oauth2 in cloud files.' }),
  or: z.string().trim().min(1).default('revoke_token.oauth2').meta({
    label: 'Revocation path (or)',
    hint: 'Appended to pu: revoke_token.oauth2 in cloud files.',
  }),
  saak: z.string().trim().min(1).optional().meta({
    label: 'Service account access key (saak)',
    hint: 'Sent as the OAuth username of the password grant; prefixed TENANT#... in cloud files.',
    secret: true,
  }),
  sask: z.string().min(1).optional().meta({
    label: 'Service account secret key (sask)',
    hint: 'Sent as the OAuth password.',
    secret: true,
  }),
  ev: z
    .string()
    .optional()
    .meta({ label: 'Environment (ev)', hint: 'Informational; not checked.' }),
  v: z.string().optional().meta({ label: 'File version (v)', hint: 'Informational.' }),
  scope: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({
      label: 'Scope',
      hint:
        'Only when the tenant enforces OAuth scopes for this app: the API suites needed, e.g. ' +
        '"Infor-M3". Scopes are off by default; names like CloudSuite.FinancialManagement do not exist.',
    }),
  client_authentication: z.enum(['basic', 'body']).default('basic').meta({
    label: 'Client authentication',
    hint: 'basic: ci:cs in an HTTP Basic header (default); body: as form fields.',
  }),
  refresh_token: z.string().optional().meta({
    label: 'Refresh token',
    hint: 'Saved by the connector when the app issues refresh tokens.',
    secret: true,
  }),
});

/** The parsed connection every Infor lambda receives. */
export type IonConnection = z.output<typeof ionConnectionFields>;

/** The grant an app type uses (other-systems.md §1.2). */
export function appTypeOf(
  connection: Pick<IonConnection, 'app_type' | 'saak'>,
): 'service_account' | 'client_credentials' {
  return (
    connection.app_type ??
    (connection.saak === undefined ? 'client_credentials' : 'service_account')
  );
}
