/**
 * `connector doctor --connector workiva`: the generic walk in Workiva's words, plus the scope
 * the token endpoint granted, shown when it is narrower than the connection asked for, with
 * the actions that need what is missing.
 */
import { diagnoseGeneric } from '../../../cli/doctor/diagnose-generic';
import type { DiagnosisHooks } from '../../../cli/doctor/diagnose-generic';
import type { DiagnoseOptions } from '../../../cli/doctor/diagnose-connection';
import { failed, passed } from '../../../cli/doctor/report';
import type { CheckResult, ConnectionReport } from '../../../cli/doctor/report';
import { toConnectorError } from '../../../sdk/errors';
import { apiOrigin } from '../workiva/host';
import { missingScopes, parseScope } from '../workiva/scopes';
import type { WorkivaConnection } from '../workiva/connection-fields';

type Connection = Record<string, unknown>;

function checkEndpoints(connection: Connection): { result: CheckResult; tenant?: string } {
  try {
    const origin = apiOrigin(connection as unknown as WorkivaConnection);
    return {
      tenant: String(connection.region),
      result: passed(
        'endpoints',
        `region ${String(connection.region)}: API and token endpoint at ${origin}.`,
      ),
    };
  } catch (error: unknown) {
    const problem = toConnectorError(error);
    return { result: failed('endpoints', problem.message, problem.code) };
  }
}

const hooks: DiagnosisHooks = {
  checkEndpoints,
  explainToken: ({ error, connection }) => {
    const plain = `${error.message}${error.hint === undefined ? '' : ` ${error.hint}`}`;
    if (/invalid_scope/.test(plain)) {
      return `The grant allows none of the scopes asked for ("${String(connection.scope ?? '')}"). ${plain}`;
    }
    return `${plain} A grant belongs to one region: check the client was created in the ${String(connection.region)} region's organization.`;
  },
  describeToken: (update) => {
    const lifetime =
      update.access_token_expires_at === undefined
        ? ''
        : ` It lives until ${update.access_token_expires_at} and is reused until then (the token endpoint counts against the rate limit).`;
    return `Granted scope: ${update.granted_scope ?? '(not stated)'}.${lifetime}`;
  },
};

/** The row comparing asked and granted scope, once a token was issued. */
function grantedScopeRow(
  definition: DiagnoseOptions['definition'],
  asked: string | undefined,
  granted: string | undefined,
): CheckResult {
  const missing = missingScopes(asked, granted);
  if (missing.length === 0) {
    return passed(
      'granted scope',
      `${granted ?? '(not stated)'}${asked === undefined ? ' (no scope asked: all the grant allows)' : ''}.`,
      {
        asked: parseScope(asked),
        granted: parseScope(granted),
      },
    );
  }
  const needing = Object.entries(definition.actions)
    .filter(([, action]) => (action.scopes as readonly string[]).some((s) => missing.includes(s)))
    .map(([key]) => `actions.${key}`);
  return failed(
    'granted scope',
    `Asked for "${asked}", granted only "${granted ?? ''}": ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not granted${needing.length === 0 ? '' : `, so ${needing.join(', ')} will be refused (403)`}. Workiva grants the scopes of the integration user's OAuth2 grant; ask an organization admin to add ${missing.join(', ')} to it, then request a new token.`,
    'insufficient_scope',
    { asked: parseScope(asked), granted: parseScope(granted), missing, actions: needing },
  );
}

/** Diagnoses one Workiva connection. */
export async function diagnoseWorkiva(options: DiagnoseOptions): Promise<ConnectionReport> {
  const stored = options.store.getConnection(options.name) as Record<string, unknown>;
  const report = await diagnoseGeneric(options, hooks);
  const rows = report.checks;
  const tokenRow = rows.findIndex((r) => r.check === 'token request');
  if (tokenRow >= 0 && rows[tokenRow]?.status === 'pass') {
    const after = options.store.getConnection(options.name) as Record<string, unknown>;
    const granted = typeof after.granted_scope === 'string' ? after.granted_scope : undefined;
    const asked = typeof stored.scope === 'string' ? stored.scope : undefined;
    rows.splice(tokenRow + 1, 0, grantedScopeRow(options.definition, asked, granted));
  }
  return { ...report, ok: rows.every((r) => r.status !== 'fail') };
}
