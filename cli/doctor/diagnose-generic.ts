import { createSession, issuesOf, selectAuthorization } from '../../sdk/runtime';
import { toConnectorError } from '../../sdk/errors';
import { registerConnectionSecrets } from '../connection-secrets';
import { splitTokens, writeBackTokens } from '../settings-tokens';
import { failed, passed, skipped } from './report';
import type { ConnectorError } from '../../sdk/errors';
import type { Probe, SingleAuthorization } from '../../sdk/define';
import type { Session, TokenUpdate } from '../../sdk/runtime';
import type { DiagnoseOptions } from './diagnose-connection';
import type { CheckResult, ConnectionReport } from './report';

type Connection = Record<string, unknown>;

/** What a failed step is explained with: the error and the connection it happened on. */
export interface FailureContext {
  error: ConnectorError;
  connection: Connection;
  /** The selected authorization option. */
  authorization: SingleAuthorization<Connection>;
}

/**
 * A connector's own words for the doctor's rows; every hook is optional and falls back to the
 * error's message and hint.
 */
export interface DiagnosisHooks {
  /**
   * Checks that need more than the field schema (URLs that must agree, a tenant named twice);
   * a failed row stops the walk. `tenant` labels the report.
   */
  checkEndpoints?(connection: Connection): { result: CheckResult; tenant?: string };
  /** Explains a failed token request. */
  explainToken?(context: FailureContext): string;
  /** Explains a failed connection test. */
  explainTest?(context: FailureContext): string;
  /** Explains a failed probe of an operation. */
  explainProbe?(context: FailureContext & { probe: Probe<Connection>; operation: string }): string;
  /** One line about a token that was issued (lifetime, refresh token), for the token row. */
  describeToken?(update: TokenUpdate, connection: Connection): string;
}

function plain(error: ConnectorError): string {
  return `${error.message}${error.hint === undefined ? '' : ` ${error.hint}`}`;
}

function grantOf(auth: SingleAuthorization<Connection>): string {
  return auth.type === 'oauth2' ? `${auth.grant} grant` : auth.type;
}

/**
 * `connector doctor` for any connector: settings (each field named), the connector's own
 * endpoint checks, one token request with the connection's grant (tokens written back), the
 * connection test, then every action's and trigger's probes. A failed step skips the later ones
 * with the reason. The connector's hooks put each failure in the remote system's words.
 */
export async function diagnoseGeneric(
  options: DiagnoseOptions,
  hooks: DiagnosisHooks = {},
): Promise<ConnectionReport> {
  const { definition, store, name, redactor } = options;
  const checks: CheckResult[] = [];
  let tenant: string | undefined;
  const report = (): ConnectionReport => ({
    connection: name ?? 'default',
    ...(tenant === undefined ? {} : { tenant }),
    ok: checks.every((c) => c.status !== 'fail'),
    checks,
  });
  const operations = [
    ...Object.entries(definition.actions).map(([key, op]) => ({ label: `actions.${key}`, op })),
    ...Object.entries(definition.triggers).map(([key, op]) => ({ label: `triggers.${key}`, op })),
  ];
  const later = [
    'endpoints',
    'token request',
    'connection test',
    ...operations.map((o) => o.label),
  ];
  const skipFrom = (check: string, reason: string) => {
    for (const row of later.slice(later.indexOf(check))) checks.push(skipped(row, reason));
  };

  const stored = store.getConnection(name);
  registerConnectionSecrets(redactor, stored, definition.connection.fields);
  const values = splitTokens(stored).connection;

  // 1. settings
  const parsed = definition.connection.fields.safeParse(values);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    const listed = issues
      .map((issue) => `"${issue.path === '' ? '(connection)' : issue.path}" ${issue.message}`)
      .join('; ');
    checks.push(
      failed('settings', `${listed}. Fix these fields in the settings file.`, 'invalid_settings', {
        issues,
      }),
    );
    skipFrom('endpoints', 'skipped: the settings check failed.');
    return report();
  }
  const connection = parsed.data as Connection;
  let auth: SingleAuthorization<Connection>;
  try {
    auth = selectAuthorization(definition.connection.authorization, connection).option;
  } catch (error: unknown) {
    const problem = toConnectorError(error);
    checks.push(failed('settings', plain(problem), problem.code));
    skipFrom('endpoints', 'skipped: the settings check failed.');
    return report();
  }
  checks.push(
    passed('settings', `fields present and well-formed; authorization: ${grantOf(auth)}.`),
  );

  // 2. endpoints
  if (hooks.checkEndpoints !== undefined) {
    const outcome = hooks.checkEndpoints(connection);
    checks.push(outcome.result);
    tenant = outcome.tenant;
    if (outcome.result.status === 'fail') {
      skipFrom('token request', 'skipped: the endpoints check failed.');
      return report();
    }
  } else checks.push(passed('endpoints', 'no endpoint rules beyond the field checks.'));

  // 3. token request (a fresh one: cached tokens would hide a broken credential)
  const updates: TokenUpdate[] = [];
  const save = writeBackTokens(store, name, redactor);
  let session: Session<Connection>;
  try {
    session = createSession(definition, {
      connection: values,
      onTokens: async (update) => {
        updates.push(update);
        await save(update);
      },
      http: { timeoutMs: options.timeoutMs ?? 20_000, retry: { maxRetries: 1 } },
      ...(options.now === undefined ? {} : { now: options.now }),
    }) as Session<Connection>;
  } catch (error: unknown) {
    const problem = toConnectorError(error);
    checks.push(failed('token request', plain(problem), problem.code));
    skipFrom('connection test', 'skipped: no session could be built.');
    return report();
  }
  try {
    if (auth.type === 'oauth2') {
      try {
        await session.refreshAccessToken();
        const update = updates.at(-1);
        const facts =
          update === undefined || hooks.describeToken === undefined
            ? ''
            : ` ${hooks.describeToken(update, connection)}`;
        checks.push(
          passed(
            'token request',
            `${auth.grant} grant answered with a Bearer access token.${facts}`,
          ),
        );
      } catch (error: unknown) {
        const problem = toConnectorError(error);
        const detail = hooks.explainToken?.({ error: problem, connection, authorization: auth });
        checks.push(failed('token request', detail ?? plain(problem), problem.code));
        skipFrom('connection test', 'skipped: no token was obtained.');
        return report();
      }
    } else
      checks.push(
        passed(
          'token request',
          `${auth.type}: no token request; credentials go with every request.`,
        ),
      );

    // 4. the connection test
    try {
      const who = await session.test();
      checks.push(
        passed('connection test', `test returned ${JSON.stringify(who)}.`, { identity: who }),
      );
    } catch (error: unknown) {
      const problem = toConnectorError(error);
      const detail = hooks.explainTest?.({ error: problem, connection, authorization: auth });
      checks.push(failed('connection test', detail ?? plain(problem), problem.code));
      for (const { label } of operations)
        checks.push(skipped(label, 'skipped: the connection test failed.'));
      return report();
    }

    // 5. probes, each run once per operation that lists it
    for (const { label, op } of operations) {
      const probes = op.probes as ReadonlyArray<Probe<Connection>>;
      if (probes.length === 0) {
        checks.push(passed(label, 'declares no probe; nothing to check.'));
        continue;
      }
      const problems: string[] = [];
      let code: ConnectorError['code'] | undefined;
      for (const probe of probes) {
        try {
          await session.runProbe(probe);
        } catch (error: unknown) {
          const problem = toConnectorError(error);
          code ??= problem.code;
          problems.push(
            hooks.explainProbe?.({
              error: problem,
              connection,
              authorization: auth,
              probe,
              operation: label,
            }) ?? `${probe.name} failed: ${plain(problem)}`,
          );
        }
      }
      checks.push(
        code === undefined
          ? passed(label, `${probes.map((p) => p.name).join(', ')} answered.`, {
              scopes: [...op.scopes],
            })
          : failed(label, problems.join(' '), code, { scopes: [...op.scopes] }),
      );
    }
    return report();
  } finally {
    session.close();
  }
}
