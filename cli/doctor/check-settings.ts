import { issuesOf } from '../../sdk/runtime';
import { CACHED_TOKEN_KEYS } from '../settings-tokens';
import { failed, passed } from './report';
import { CLI_COMMAND } from '../cli-name';
import type { z } from 'zod';
import type { InputIssue } from '../../sdk/errors';
import type { ConnectionValues } from '../../sdk/settings';
import type { CheckResult } from './report';

/** The `auth_type` values a Workday connection accepts. */
const SUPPORTED_AUTH_TYPES = ['authorization_code', 'refresh_token'] as const;

/**
 * Why `client_credentials` (and other grants) are refused. Workday API clients issue tokens
 * through an authorization code or an ISU's refresh token (reference/workday-api.md §1.2); the
 * client-credentials set-up seen in one provider catalog is untested there, so we do not offer it.
 */
export const GRANT_EXPLANATION =
  'Workday API clients issue tokens through an authorization code (an API client for a user ' +
  `account: auth_type "authorization_code", then \`${CLI_COMMAND} oauth2\`) or an Integration System ` +
  "User's refresh token (Register API Client for Integrations → Manage Refresh Tokens for " +
  'Integrations: auth_type "refresh_token"); there is no `scope` parameter, scopes are the ' +
  'functional areas ticked on the API client.';

// Settings keys the seed threads' forum answers suggested; Workday reads none of them.
const IGNORED_KEYS: Readonly<Record<string, string>> = {
  scope:
    '"scope" is ignored: Workday scopes are the functional areas on the API client, never a request parameter',
  tenant_context:
    '"tenant_context" is ignored: the tenant is the path segment of the endpoints, there is no such parameter',
  x_tenant_id:
    '"x_tenant_id" is ignored: Workday has no tenant header, the tenant is the path segment of the endpoints',
  grant_type: '"grant_type" is ignored: the grant follows from auth_type',
};

/** Outcome of the settings check: the row, and the parsed connection when it passed. */
export interface SettingsCheckOutcome {
  result: CheckResult;
  /** The connection as the connector's `connection.fields` parsed it. */
  connection?: Record<string, unknown>;
}

function labelOf(fields: z.ZodObject, key: string): string | undefined {
  const shape = fields.shape as Record<string, z.ZodType | undefined>;
  const label = shape[key]?.meta()?.label;
  return typeof label === 'string' ? label : undefined;
}

function describeIssue(fields: z.ZodObject, values: ConnectionValues, issue: InputIssue): string {
  const top = issue.path.split('.')[0] ?? '';
  const label = top === '' ? undefined : labelOf(fields, top);
  const name =
    issue.path === ''
      ? 'the connection'
      : `"${issue.path}"${label === undefined ? '' : ` (${label})`}`;
  // zod's "expected string, received undefined" reads better as the plain fact.
  const missing = top !== '' && issue.path === top && values[top] === undefined;
  return `${name} ${missing ? 'is missing' : issue.message.replace(/\.$/, '')}`;
}

const TOKEN_CACHE_KEYS: ReadonlySet<string> = new Set(CACHED_TOKEN_KEYS);

/** Edit distance, for "did you mean" on a misspelled field name. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Settings keys the connection does not have are dropped without a word when the settings are
 * parsed, so a misspelled optional field (`max_concurency`) silently falls back to its default.
 */
function unknownFieldNotes(fields: z.ZodObject, values: ConnectionValues): string[] {
  const known = Object.keys(fields.shape);
  return Object.keys(values)
    .filter(
      (key) =>
        !known.includes(key) &&
        !TOKEN_CACHE_KEYS.has(key) &&
        !Object.hasOwn(IGNORED_KEYS, key.toLowerCase()),
    )
    .map((key) => {
      const near = known.find((name) => distance(key.toLowerCase(), name) <= 2);
      return near === undefined
        ? `"${key}" is not a connection field and is ignored`
        : `"${key}" is not a connection field and is ignored (did you mean "${near}"?)`;
    });
}

/**
 * Check 1: the settings fields are present and well-formed (each zod issue named by field), and
 * `auth_type` is one Workday supports; `client_credentials` is explained rather than refused bare.
 */
export function checkSettings(fields: z.ZodObject, values: ConnectionValues): SettingsCheckOutcome {
  const check = 'settings';
  const authType = values.auth_type;
  if (
    typeof authType === 'string' &&
    !(SUPPORTED_AUTH_TYPES as readonly string[]).includes(authType)
  ) {
    const what =
      authType === 'client_credentials'
        ? 'auth_type "client_credentials" is not a documented way for Workday API clients'
        : `auth_type "${authType}" is not supported (use "authorization_code" or "refresh_token")`;
    // A settings problem found before any request: exit 2, like every other settings error.
    return { result: failed(check, `${what}: ${GRANT_EXPLANATION}`, 'invalid_settings') };
  }
  const parsed = fields.safeParse(values);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    const listed = issues.map((issue) => describeIssue(fields, values, issue)).join('; ');
    return {
      result: failed(
        check,
        `${listed}. Fix these fields in the settings file.`,
        'invalid_settings',
        { issues },
      ),
    };
  }
  const notes = Object.keys(values)
    .filter((key) => Object.hasOwn(IGNORED_KEYS, key.toLowerCase()))
    .map((key) => IGNORED_KEYS[key.toLowerCase()]);
  notes.push(...unknownFieldNotes(fields, values));
  const kind =
    parsed.data.auth_type === 'authorization_code'
      ? 'API client for a user account (authorization code)'
      : 'API client for integrations (ISU refresh token)';
  const detail = [`fields present and well-formed; ${kind}`, ...notes].join('. ');
  return {
    result: passed(check, `${detail}.`),
    connection: parsed.data as Record<string, unknown>,
  };
}
