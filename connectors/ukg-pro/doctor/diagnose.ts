/**
 * `connector doctor --connector ukg-pro`: the generic walk (settings, endpoints, token, test,
 * one probe per web service) in UKG Pro's words, plus what UKG's bare 401/403 cannot say:
 * - a wrong or missing customer API key (from UKG's answer when it says so);
 * - the web service a service account lacks, named from the probe that was refused;
 * - test (sandbox) credentials used against production: the host names, the declared
 *   environment, and the same credentials tried on the other environments of the file;
 * - a Developer Console token without `global-tenant-id`, or issued for another organization;
 * - and, plainly, that X-Tenant-ID and tenant_context do not exist.
 */
import { diagnoseGeneric } from '../../../cli/doctor/diagnose-generic';
import type { DiagnosisHooks, FailureContext } from '../../../cli/doctor/diagnose-generic';
import type { DiagnoseOptions } from '../../../cli/doctor/diagnose-connection';
import { failed, passed } from '../../../cli/doctor/report';
import type { CheckResult, ConnectionReport } from '../../../cli/doctor/report';
import { toConnectorError } from '../../../sdk/errors';
import { tokenHostEnvironment, webServicesEnvironment } from '../ukg/hosts';
import { SEED_CLAIMS } from '../ukg/seed-claims';
import { consoleTokenEndpoint, webServicesOrigin } from '../ukg/urls';
import { GLOBAL_TENANT_HEADER } from '../ukg/web-services';
import { otherOrigins, probeBasic } from './basic-probe';
import { readClaims } from './jwt';

type Connection = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const THREE_CREDENTIALS =
  'UKG checks the web service account user name, its password and the US-Customer-Api-Key together and answers only 401.';

function checkEndpoints(connection: Connection): { result: CheckResult; tenant?: string } {
  let origin: string;
  let tokenOrigin: string | undefined;
  try {
    origin = webServicesOrigin(String(connection.base_url));
    const tokenUrl = str(connection.token_url);
    if (connection.auth_type === 'client_credentials' && tokenUrl !== undefined) {
      tokenOrigin = new URL(consoleTokenEndpoint(tokenUrl)).origin;
    }
  } catch (error: unknown) {
    const problem = toConnectorError(error);
    return { result: failed('endpoints', problem.message, problem.code) };
  }
  const host = new URL(origin).hostname;
  const hostEnv = webServicesEnvironment(host);
  const declared = str(connection.environment);
  if (declared !== undefined && hostEnv !== 'unknown' && hostEnv !== declared) {
    return {
      tenant: host,
      result: failed(
        'endpoints',
        `The connection is for ${declared} but ${host} is UKG's ${hostEnv} web-services host: ${hostEnv === 'test' ? 'sandbox (test) settings in a production connection' : 'a production host in a test connection'}. Test and production have separate hosts, service accounts and customer API keys; copy all of them from the ${declared} tenant.`,
        'tenant_mismatch',
        { host, hostEnvironment: hostEnv, declared },
      ),
    };
  }
  if (tokenOrigin !== undefined) {
    const tokenEnv = tokenHostEnvironment(new URL(tokenOrigin).hostname);
    const apiEnv = declared ?? hostEnv;
    if (tokenEnv !== 'unknown' && apiEnv !== 'unknown' && tokenEnv !== apiEnv) {
      return {
        tenant: host,
        result: failed(
          'endpoints',
          `The Generate Token URL ${tokenOrigin} is a ${tokenEnv} token host but the connection is for ${apiEnv}: a Developer Console client of the ${tokenEnv} tenant. Copy token URL, client ID, secret and organization from the ${apiEnv} tenant's Developer Console.`,
          'tenant_mismatch',
          { tokenHost: tokenOrigin, tokenEnvironment: tokenEnv, environment: apiEnv },
        ),
      };
    }
  }
  const env =
    declared ?? (hostEnv === 'unknown' ? 'an environment the host name does not tell' : hostEnv);
  return {
    tenant: host,
    result: passed(
      'endpoints',
      `web services at ${origin} (${env})${tokenOrigin === undefined ? '' : `; token endpoint ${tokenOrigin}/oauth/token`}.`,
    ),
  };
}

function explainTest({ error, connection }: FailureContext): string {
  const plain = `${error.message}${error.hint === undefined ? '' : ` ${error.hint}`}`;
  if (error.code === 'insufficient_scope') {
    return `403: the account is valid but lacks "Personnel Integration (View)", which the connection test reads (person details). Tick View on that web service (System Configuration > Security > Service Account Administration). ${plain}`;
  }
  if (error.code !== 'unauthorized') return plain;
  if (connection.auth_type === 'client_credentials') {
    const organization = str(connection.organization);
    if (organization === undefined) {
      return `401: the Developer Console token was issued, but the calls carry no ${GLOBAL_TENANT_HEADER} header because the connection has no "organization". UKG Pro's bearer-token APIs need "Authorization: Bearer …" and "${GLOBAL_TENANT_HEADER}: <organization>" (Developer Console, field Organization, e.g. org_c5DJ9CCKN4WUuP98). It is not X-Tenant-ID and not a UUID.`;
    }
    return `401: the bearer token was refused for organization ${organization}. The token, the organization and the web-services host must all be of one tenant; a Developer Console client of another environment (sandbox credentials in production) gives exactly this.`;
  }
  return `401: ${THREE_CREDENTIALS}`;
}

function explainProbe({
  error,
  probe,
  connection,
}: FailureContext & { probe: { name: string; scope: string } }): string {
  if (error.code === 'insufficient_scope') {
    return connection.auth_type === 'web_service_account'
      ? `${probe.name} answered 403: the web service account lacks "${probe.scope}". Tick it for this account on System Configuration > Security > Service Account Administration (permissions are per web service, not OAuth scopes).`
      : `${probe.name} answered 403: the Developer Console client may not use "${probe.scope}".`;
  }
  return `${probe.name} failed: ${error.message}`;
}

function explainToken({ error, connection }: FailureContext): string {
  const plain = `${error.message}${error.hint === undefined ? '' : ` ${error.hint}`}`;
  if (/organization/i.test(plain)) {
    return `The token endpoint refused organization ${str(connection.organization) ?? '(none)'} for client ${str(connection.client_id) ?? ''}: the client belongs to another organization (tenant). Each tenant's Developer Console shows its own Generate Token URL, client and organization; a sandbox client used for production fails this way. ${plain}`;
  }
  return `${plain} Check client ID, secret and audience on the Developer Console of this tenant.`;
}

const hooks: DiagnosisHooks = {
  checkEndpoints,
  explainTest,
  explainProbe,
  explainToken,
  describeToken: (update, connection) => {
    const claims = readClaims(update.access_token);
    if (claims === undefined) return 'The token is opaque (no claims to compare).';
    return `Token for organization ${claims.org_id ?? '(none)'}, audience ${String(claims.aud ?? '(none)')}; the connection sends ${GLOBAL_TENANT_HEADER}: ${str(connection.organization) ?? '(nothing)'}.`;
  },
};

/** Settings keys a user may have added after the forum thread (normalized: lower case, `_`). */
function seedClaimsRow(stored: Record<string, unknown>, authType: unknown): CheckResult {
  const normalize = (s: string) => s.toLowerCase().replace(/[-\s]/g, '_');
  const found = SEED_CLAIMS.filter((claim) =>
    Object.keys(stored).some(
      (key) =>
        normalize(key) === normalize(claim.claim) ||
        normalize(key) === normalize(claim.claim).replace(/^x_/, ''),
    ),
  );
  const sends =
    authType === 'client_credentials'
      ? `Authorization: Bearer and ${GLOBAL_TENANT_HEADER}`
      : 'Authorization: Basic and US-Customer-Api-Key';
  if (found.length > 0) {
    return failed(
      'seed claims',
      `${found.map((c) => `The settings have "${c.claim}": ${c.instead}`).join(' ')} The connector never sends it; remove it from the settings.`,
      'invalid_settings',
      { claims: found.map((c) => c.claim) },
    );
  }
  return passed(
    'seed claims',
    `This connection sends ${sends}. UKG Pro has no X-Tenant-ID header and no tenant_context token parameter, and no /api/v1/workforce/planning/headcount path: budgeted headcount is on org levels and positions.`,
  );
}

async function explainRefusedAccount(
  options: DiagnoseOptions,
  stored: Record<string, unknown>,
): Promise<string | undefined> {
  const username = str(stored.username);
  const password = str(stored.password);
  const key = str(stored.customer_api_key);
  if (username === undefined || password === undefined || key === undefined) return undefined;
  let origin: string;
  try {
    origin = webServicesOrigin(String(stored.base_url));
  } catch {
    return undefined;
  }
  const timeoutMs = options.timeoutMs ?? 20_000;
  const credentials = { username, password, customerApiKey: key };
  const own = await probeBasic(origin, credentials, timeoutMs);
  const parts: string[] = [];
  if (own.detail !== undefined && /api.?key/i.test(own.detail)) {
    parts.push(
      `401: UKG says the customer API key is wrong or missing ("${own.detail}"). Copy the Customer API Key shown at the top of Service Account Administration of this environment (not the account's user API key).`,
    );
  } else if (own.detail !== undefined && /user name|password/i.test(own.detail)) {
    parts.push(
      `401: UKG says the user name or password is wrong ("${own.detail}"). Reset the password on Service Account Administration if it was lost.`,
    );
  } else {
    parts.push(
      `401: ${THREE_CREDENTIALS} Check all three against Service Account Administration of this environment.`,
    );
  }
  const others = options.store
    .connectionNames()
    .filter((n) => n !== options.name)
    .map((n) => ({ name: n, values: options.store.getConnection(n) as Record<string, unknown> }));
  for (const other of otherOrigins(origin, others)) {
    const there = await probeBasic(other.origin, credentials, timeoutMs);
    if (there.status === 200) {
      const env = webServicesEnvironment(new URL(other.origin).hostname);
      parts.push(
        `The same account, password and customer API key are accepted by ${other.origin} (connection "${other.name}"${env === 'unknown' ? '' : `, UKG's ${env} host`}): they are that environment's credentials (sandbox credentials used in production?). Test and production have separate service accounts and customer API keys; create the account in this environment.`,
      );
      break;
    }
  }
  return parts.join(' ');
}

function tokenClaimsRow(stored: Record<string, unknown>): CheckResult | undefined {
  const token = str(stored.access_token);
  const organization = str(stored.organization);
  if (token === undefined) return undefined;
  const claims = readClaims(token);
  if (claims?.org_id === undefined) return undefined;
  if (organization !== undefined && claims.org_id !== organization) {
    return failed(
      'token claims',
      `The token was issued for organization ${claims.org_id} but the connection sends ${GLOBAL_TENANT_HEADER}: ${organization}. The client belongs to the other tenant; copy client, secret and organization from one Developer Console.`,
      'tenant_mismatch',
      { tokenOrganization: claims.org_id, organization },
    );
  }
  return passed('token claims', `issued for organization ${claims.org_id}.`, {
    tokenOrganization: claims.org_id,
  });
}

/**
 * Another Developer Console connection of the file on the same web-services host with a
 * different organization: evidence that this one's client is of another tenant.
 */
function siblingOrganization(
  options: DiagnoseOptions,
  stored: Record<string, unknown>,
): string | undefined {
  const own = str(stored.organization);
  let origin: string;
  try {
    origin = webServicesOrigin(String(stored.base_url));
  } catch {
    return undefined;
  }
  for (const name of options.store.connectionNames()) {
    if (name === options.name) continue;
    const other = options.store.getConnection(name) as Record<string, unknown>;
    const theirs = str(other.organization);
    if (other.auth_type !== 'client_credentials' || theirs === undefined || theirs === own)
      continue;
    try {
      if (webServicesOrigin(String(other.base_url)) !== origin) continue;
    } catch {
      continue;
    }
    return `Connection "${name}" calls the same host with organization ${theirs}: this connection's client and organization (${own ?? 'none'}) are of another tenant (sandbox credentials in production?). Copy Generate Token URL, client and organization from this host's Developer Console.`;
  }
  return undefined;
}

/** Diagnoses one UKG Pro connection. */
export async function diagnoseUkg(options: DiagnoseOptions): Promise<ConnectionReport> {
  const stored = options.store.getConnection(options.name) as Record<string, unknown>;
  const report = await diagnoseGeneric(options, hooks);
  const rows = report.checks;
  rows.splice(1, 0, seedClaimsRow(stored, stored.auth_type));

  const test = rows.find((r) => r.check === 'connection test');
  if (
    test?.status === 'fail' &&
    test.code === 'unauthorized' &&
    stored.auth_type === 'web_service_account'
  ) {
    const detail = await explainRefusedAccount(options, stored);
    if (detail !== undefined) test.detail = options.redactor.redact(detail);
  }
  if (
    test?.status === 'fail' &&
    test.code === 'unauthorized' &&
    stored.auth_type === 'client_credentials'
  ) {
    const sibling = siblingOrganization(options, stored);
    if (sibling !== undefined) test.detail = `${test.detail} ${sibling}`;
  }
  if (stored.auth_type === 'client_credentials') {
    const after = options.store.getConnection(options.name) as Record<string, unknown>;
    const claims = tokenClaimsRow(after);
    const at = rows.findIndex((r) => r.check === 'token request');
    if (claims !== undefined && at >= 0) rows.splice(at + 1, 0, claims);
  }
  return { ...report, ok: rows.every((r) => r.status !== 'fail') };
}
