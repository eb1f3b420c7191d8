import { ConnectorError } from '../sdk/errors';
import {
  DEFAULT_SOAP_VERSION,
  REST_SERVICE_PATTERN,
  REST_VERSION_PATTERN,
  SOAP_VERSION_PATTERN,
} from './constants';

/**
 * The endpoint fields `parseWorkdayEndpoints` reads. A {@link WorkdayConnection} satisfies it;
 * so does a raw settings object that has not been through the connection schema yet.
 */
export interface EndpointSettings {
  /** `authorization_code` requires `authorization_endpoint`. */
  auth_type?: string | undefined;
  rest_api_endpoint: string;
  token_endpoint: string;
  authorization_endpoint?: string | undefined;
  soap_version?: string | undefined;
}

/** Everything derived from a connection's endpoints, checked to name one tenant on one host. */
export interface WorkdayEndpoints {
  /** The tenant name, exactly as in the endpoint paths (e.g. `acme_us`). */
  tenant: string;
  /** `https://{services-host}[:port]` of the REST, SOAP and token endpoints. */
  origin: string;
  /** The connection's `base_uri`: origin + `/ccx/api/`. Relative paths below resolve against it. */
  restBase: string;
  /** The REST API endpoint as entered, normalised (no trailing slash). */
  restApiEndpoint: string;
  /** A path relative to `restBase` in the common v1 service: `common/v1/{tenant}/{resource}`. */
  commonPath(resource: string): string;
  /** A path relative to `restBase` in any REST service: `{service}/{version}/{tenant}/{resource}`. */
  servicePath(service: string, version: string, resource: string): string;
  /** Absolute path of the SOAP service: `/ccx/service/{tenant}/Financial_Management/{version}`. */
  soapPath: string;
  /** The WWS version used in `soapPath` and in request `version` attributes. */
  soapVersion: string;
  /** `{origin}/ccx/oauth2/{tenant}/token`. */
  tokenUrl: string;
  /** The authorization endpoint (user-account clients), normalised; may be on another host. */
  authorizationUrl?: string;
}

type EndpointField = 'rest_api_endpoint' | 'token_endpoint' | 'authorization_endpoint';

interface FieldInfo {
  /** How Workday labels the value in task View API Clients. */
  workdayName: string;
  example: string;
}

const FIELDS: { readonly [F in EndpointField]: FieldInfo } = {
  rest_api_endpoint: {
    workdayName: 'Workday REST API Endpoint',
    example: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme',
  },
  token_endpoint: {
    workdayName: 'Token Endpoint',
    example: 'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token',
  },
  authorization_endpoint: {
    workdayName: 'Authorization Endpoint',
    example: 'https://impl.workday.com/acme/authorize',
  },
};

// Tenant names seen are lower-case letters, digits and underscores (acme, wday_dpt1); we also
// accept upper case and dashes, and refuse anything that would need escaping in a path.
const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const OWN_SHAPE: { readonly [F in EndpointField]: string } = {
  rest_api_endpoint: 'a REST API Endpoint',
  token_endpoint: 'a Token Endpoint',
  authorization_endpoint: 'an Authorization Endpoint',
};

function label(field: EndpointField): string {
  return `${FIELDS[field].workdayName} ("${field}")`;
}

function copyHint(field: EndpointField): string {
  return (
    `Copy "${FIELDS[field].workdayName}" from task View API Clients in the tenant this ` +
    `connection is for; it looks like ${FIELDS[field].example}.`
  );
}

function invalid(field: EndpointField, problem: string, hint?: string): ConnectorError {
  return new ConnectorError('invalid_settings', `The ${label(field)} ${problem}.`, {
    hint: hint ?? copyHint(field),
    details: { field },
  });
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Names what a path looks like, so a value pasted into the wrong field is called out. */
function recognise(segments: readonly string[]): string | undefined {
  if (segments[0] !== 'ccx' && segments[1] === 'authorize') return 'an Authorization Endpoint';
  if (segments[0] !== 'ccx') return undefined;
  if (segments[1] === 'oauth2' && segments[3] === 'token') return 'a Token Endpoint';
  if (segments[1] === 'oauth2' && segments[3] === 'authorize') return 'an Authorization Endpoint';
  if (segments[1] === 'api') return 'a REST API Endpoint';
  if (segments[1] === 'service') return 'a SOAP (Web Services) endpoint';
  return undefined;
}

interface ParsedEndpoint {
  url: URL;
  tenant: string;
  /** Path without trailing slash. */
  path: string;
}

function parseUrl(field: EndpointField, raw: unknown): { url: URL; segments: string[] } {
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid(field, 'is missing');
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The value itself is not echoed: a secret pasted into the wrong field must not be logged.
    throw invalid(field, 'is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid(field, `must be an https URL, not "${url.protocol}"`);
  if (url.username !== '' || url.password !== '')
    throw invalid(field, 'must not contain a user name or password');
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw invalid(
      field,
      `uses plain http on host "${url.hostname}"`,
      'Workday endpoints are https; plain http is allowed only for loopback (127.0.0.1, localhost, [::1]), i.e. the embedded sandbox.',
    );
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text))
    throw invalid(field, 'must not have a query string or fragment');
  const path = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  const segments = path.split('/').slice(1);
  if (segments.some((segment) => segment === ''))
    throw invalid(field, `has an empty path segment in "${url.pathname}"`);
  return { url, segments };
}

function shapeError(
  field: EndpointField,
  url: URL,
  segments: readonly string[],
  expected: string,
): ConnectorError {
  const looksLike = recognise(segments);
  const wrongField =
    looksLike === undefined || looksLike === OWN_SHAPE[field]
      ? ''
      : ` (it looks like ${looksLike})`;
  return invalid(field, `has the path "${url.pathname}" instead of ${expected}${wrongField}`);
}

function checkTenant(field: EndpointField, url: URL, tenant: string | undefined): string {
  if (tenant === undefined || !TENANT_PATTERN.test(tenant))
    throw invalid(field, `names an invalid tenant in the path "${url.pathname}"`);
  return tenant;
}

function parseRest(raw: unknown): ParsedEndpoint {
  const field = 'rest_api_endpoint';
  const { url, segments } = parseUrl(field, raw);
  const expected = '"/ccx/api/v1/{tenant}" or "/ccx/api/{service}/{version}/{tenant}"';
  let tenant: string | undefined;
  if (segments[0] === 'ccx' && segments[1] === 'api') {
    if (segments.length === 4 && segments[2] === 'v1') tenant = segments[3];
    else if (
      segments.length === 5 &&
      REST_SERVICE_PATTERN.test(segments[2] ?? '') &&
      REST_VERSION_PATTERN.test(segments[3] ?? '')
    )
      tenant = segments[4];
  }
  if (tenant === undefined) throw shapeError(field, url, segments, expected);
  return { url, tenant: checkTenant(field, url, tenant), path: '/' + segments.join('/') };
}

function parseToken(raw: unknown): ParsedEndpoint {
  const field = 'token_endpoint';
  const { url, segments } = parseUrl(field, raw);
  const ok =
    segments.length === 4 &&
    segments[0] === 'ccx' &&
    segments[1] === 'oauth2' &&
    segments[3] === 'token';
  if (!ok) throw shapeError(field, url, segments, '"/ccx/oauth2/{tenant}/token"');
  return { url, tenant: checkTenant(field, url, segments[2]), path: '/' + segments.join('/') };
}

function parseAuthorization(raw: unknown): ParsedEndpoint {
  const field = 'authorization_endpoint';
  const { url, segments } = parseUrl(field, raw);
  // "/{tenant}/authorize" is what View API Clients shows; "/ccx/oauth2/{tenant}/authorize"
  // appears in a provider catalog (workday-payloads.md §3) and is accepted as well.
  let tenant: string | undefined;
  if (segments.length === 2 && segments[1] === 'authorize' && segments[0] !== 'ccx')
    tenant = segments[0];
  else if (
    segments.length === 4 &&
    segments[0] === 'ccx' &&
    segments[1] === 'oauth2' &&
    segments[3] === 'authorize'
  )
    tenant = segments[2];
  if (tenant === undefined) throw shapeError(field, url, segments, '"/{tenant}/authorize"');
  return { url, tenant: checkTenant(field, url, tenant), path: '/' + segments.join('/') };
}

function tenantMismatch(
  field: EndpointField,
  theirs: string,
  restTenant: string,
  extraHint = '',
): ConnectorError {
  const caseOnly =
    theirs.toLowerCase() === restTenant.toLowerCase()
      ? ' (they differ only in letter case, which Workday treats as different tenants)'
      : '';
  return new ConnectorError(
    'tenant_mismatch',
    `The ${label(field)} is for tenant "${theirs}" but the ${label('rest_api_endpoint')} is for tenant "${restTenant}"${caseOnly}; one connection must name one tenant.`,
    {
      hint:
        `Copy "${FIELDS[field].workdayName}" and "${FIELDS.rest_api_endpoint.workdayName}" from task ` +
        'View API Clients in the same tenant that registered this client ID: client IDs, secrets ' +
        'and refresh tokens work only in the tenant that issued them (make a separate ' +
        `connection per tenant).${extraHint}`,
      details: { field, tenants: [theirs, restTenant] },
    },
  );
}

function checkSoapVersion(raw: unknown): string {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
    return DEFAULT_SOAP_VERSION;
  if (typeof raw === 'string' && SOAP_VERSION_PATTERN.test(raw.trim())) return raw.trim();
  throw new ConnectorError(
    'invalid_settings',
    'The SOAP version ("soap_version") must look like v45.0.',
    {
      hint: `Use a Workday Web Services version such as ${DEFAULT_SOAP_VERSION}.`,
      details: { field: 'soap_version' },
    },
  );
}

/** What {@link examineWorkdayEndpoints} found: each part that parsed, and every problem. */
interface EndpointExamination {
  rest?: ParsedEndpoint;
  token?: ParsedEndpoint;
  authorization?: ParsedEndpoint;
  soapVersion?: string;
  /** In the order a fix would go: each field's own shape first, then how they fit together. */
  problems: ConnectorError[];
}

function hostMismatch(token: ParsedEndpoint, rest: ParsedEndpoint): ConnectorError {
  return new ConnectorError(
    'tenant_mismatch',
    `The ${label('token_endpoint')} is on "${token.url.host}" but the ${label('rest_api_endpoint')} is on "${rest.url.host}"; tenant "${rest.tenant}" lives on one services host, so tokens from one host are not accepted by the other.`,
    {
      hint:
        'A tenant is served by one data center and environment: a US tenant is not on an EMEA ' +
        'host, and an implementation (impl) tenant is not on a production host. Copy "Token ' +
        'Endpoint" and "Workday REST API Endpoint" together from task View API Clients of this tenant.',
      details: {
        field: 'token_endpoint',
        tenants: [rest.tenant],
        hosts: [token.url.host, rest.url.host],
      },
    },
  );
}

/**
 * Checks every endpoint field and how they fit together, collecting each problem rather than
 * stopping at the first: the doctor lists them all, so one round of fixes is enough.
 */
function examineWorkdayEndpoints(connection: EndpointSettings): EndpointExamination {
  const found: EndpointExamination = { problems: [] };
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      found.problems.push(error);
      return undefined;
    }
  };
  const rawAuthorization = connection.authorization_endpoint;
  const hasAuthorization = typeof rawAuthorization === 'string' && rawAuthorization.trim() !== '';
  const rest = attempt(() => parseRest(connection.rest_api_endpoint));
  const token = attempt(() => parseToken(connection.token_endpoint));
  const authorization = hasAuthorization
    ? attempt(() => parseAuthorization(rawAuthorization))
    : undefined;
  const soapVersion = attempt(() => checkSoapVersion(connection.soap_version));
  if (rest !== undefined && token !== undefined) {
    if (token.tenant !== rest.tenant)
      found.problems.push(tenantMismatch('token_endpoint', token.tenant, rest.tenant));
    if (token.url.origin !== rest.url.origin) found.problems.push(hostMismatch(token, rest));
  }
  if (rest !== undefined && authorization !== undefined && authorization.tenant !== rest.tenant)
    found.problems.push(
      tenantMismatch('authorization_endpoint', authorization.tenant, rest.tenant),
    );
  if (connection.auth_type === 'authorization_code' && !hasAuthorization) {
    found.problems.push(
      invalid(
        'authorization_endpoint',
        'is missing; a user-account API client (auth type authorization_code) needs it',
      ),
    );
  }
  return {
    ...found,
    ...(rest === undefined ? {} : { rest }),
    ...(token === undefined ? {} : { token }),
    ...(authorization === undefined ? {} : { authorization }),
    ...(soapVersion === undefined ? {} : { soapVersion }),
  };
}

/**
 * Every problem with a connection's endpoints (none: they work together), each an
 * `invalid_settings` or `tenant_mismatch` error naming its field, in the order
 * {@link parseWorkdayEndpoints} would meet them.
 */
export function findWorkdayEndpointProblems(connection: EndpointSettings): ConnectorError[] {
  return examineWorkdayEndpoints(connection).problems;
}

function computeWorkdayEndpoints(connection: EndpointSettings): WorkdayEndpoints {
  const { rest, token, authorization, soapVersion, problems } = examineWorkdayEndpoints(connection);
  if (problems[0] !== undefined) throw problems[0];
  if (rest === undefined || token === undefined || soapVersion === undefined)
    throw new ConnectorError('internal', 'Endpoints without problems did not all parse.');
  const tenant = rest.tenant;

  const origin = rest.url.origin;
  const result: WorkdayEndpoints = {
    tenant,
    origin,
    restBase: `${origin}/ccx/api/`,
    restApiEndpoint: `${origin}${rest.path}`,
    commonPath: (resource) => joinPath(`common/v1/${tenant}`, resource),
    servicePath: (service, version, resource) => {
      if (!REST_SERVICE_PATTERN.test(service) || !REST_VERSION_PATTERN.test(version)) {
        throw new ConnectorError(
          'internal',
          `The REST service "${service}" or version "${version}" is malformed.`,
        );
      }
      return joinPath(`${service}/${version}/${tenant}`, resource);
    },
    soapPath: `/ccx/service/${tenant}/Financial_Management/${soapVersion}`,
    soapVersion,
    tokenUrl: `${origin}/ccx/oauth2/${tenant}/token`,
  };
  if (authorization !== undefined)
    result.authorizationUrl = `${authorization.url.origin}${authorization.path}`;
  return result;
}

function joinPath(base: string, resource: string): string {
  const rest = resource.replace(/^\/+/, '');
  return rest === '' ? base : `${base}/${rest}`;
}

/** Parsed endpoints of recently seen connections: every action call needs them, URL parsing is not free. */
const cache = new Map<string, WorkdayEndpoints>();
const CACHE_SIZE = 32;

/**
 * Derives the tenant, hosts and service paths from a connection's endpoints, and refuses
 * endpoints that cannot work together, before any network call:
 * - each URL parses, is https (http only on loopback), has no credentials, query or fragment;
 * - the REST (`/ccx/api/v1/{tenant}`), token (`/ccx/oauth2/{tenant}/token`) and authorization
 *   (`/{tenant}/authorize`) endpoints name the same tenant (case-sensitive): `tenant_mismatch`;
 * - the token and REST endpoints are on the same origin (the authorization endpoint may be on
 *   another host, e.g. impl.workday.com): `tenant_mismatch`.
 * @throws ConnectorError `invalid_settings` or `tenant_mismatch`, naming the field at fault.
 */
export function parseWorkdayEndpoints(connection: EndpointSettings): WorkdayEndpoints {
  // Keyed by the values parsing reads, not by object identity, so a changed setting is re-checked.
  const key = [
    connection.auth_type,
    connection.rest_api_endpoint,
    connection.token_endpoint,
    connection.authorization_endpoint,
    connection.soap_version,
  ]
    .map((value) => (typeof value === 'string' ? value : `<${typeof value}>`))
    .join('\n');
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const endpoints = Object.freeze(computeWorkdayEndpoints(connection));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, endpoints);
  return endpoints;
}
