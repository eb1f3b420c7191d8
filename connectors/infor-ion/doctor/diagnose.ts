/**
 * `connector doctor --connector infor-ion`: the generic walk (settings, endpoints, token, test,
 * probes) with every failure named by its layer of other-systems.md §1.5: the token server
 * (service-account keys, grant), the gateway (401 token refused, 403 scope), and M3 itself
 * (authority errors inside an HTTP 200). The seed's "401 that is really a missing permission"
 * does not exist: each layer fails in its own way, and the doctor says which.
 */
import { toConnectorError } from '../../../sdk/errors';
import { diagnoseGeneric } from '../../../cli/doctor/diagnose-generic';
import { failed, passed } from '../../../cli/doctor/report';
import type { DiagnosisHooks, FailureContext } from '../../../cli/doctor/diagnose-generic';
import type { DiagnoseOptions } from '../../../cli/doctor/diagnose-connection';
import type { ConnectionReport } from '../../../cli/doctor/report';
import { appTypeOf } from '../infor/connection-fields';
import type { IonConnection } from '../infor/connection-fields';
import { parseIonEndpoints } from '../infor/endpoints';

const DOWNLOAD = 'API Gateway > Authorized Apps > (app) > Download Credentials';

function ion(connection: Record<string, unknown>): IonConnection {
  return connection as unknown as IonConnection;
}

function prefixed(value: string | undefined, separator: string): boolean {
  return value !== undefined && value.indexOf(separator) > 0;
}

/** Layer 0: the token server. Each OAuth error of §1.2 in the words of the .ionapi file. */
function explainToken({ error, connection }: FailureContext): string {
  const c = ion(connection);
  const appType = appTypeOf(c);
  const said = typeof error.details.oauthError === 'string' ? ` (${error.details.oauthError})` : '';
  switch (error.code) {
    case 'reauthorization_required': {
      if (appType !== 'service_account')
        return `The token server refused the grant${said}. Download the app's credentials again (${DOWNLOAD}).`;
      // With the tenant prefix on saak the keys are this tenant's, so only deletion or expiry is left.
      const account = prefixed(c.saak, '#')
        ? `The service account keys (saak/sask) are tenant ${c.ti}'s, so the service account was deleted, its keys regenerated, or it expired`
        : `The service account keys (saak/sask) belong to another tenant's app (e.g. the _TST file's keys on ${c.ti}), or the service account was deleted, regenerated or expired`;
      return (
        `The token server refused the service account keys${said}: ${account}. This is the token request, not a ` +
        `permission: create the service account again for this app in Security > Service Accounts and download the .ionapi file of tenant ${c.ti} (${DOWNLOAD}).`
      );
    }
    case 'unsupported_grant':
      return appType === 'client_credentials'
        ? `The authorized app does not allow the client-credentials grant${said}: it is a Backend Service app with a service account (Password Credentials). Use its .ionapi file with saak and sask (app_type "service_account"), or register an app with Grant Type "Client Credentials".`
        : `The authorized app does not allow the password grant${said}: it was registered with Grant Type "Client Credentials". Set app_type "client_credentials", or download the credentials of a service-account app.`;
    case 'invalid_client':
      return `The token server does not know client ${c.ci} with this secret in tenant ${c.ti}${said}: ci and cs must come from the same tenant's .ionapi file (${DOWNLOAD}), and the app must not be deleted.`;
    default:
      return `${error.message}${error.hint === undefined ? '' : ` ${error.hint}`}`;
  }
}

/** Layers 1 to 3 after a token was issued: gateway 401, gateway 403, ERP NOK inside a 200. */
function explainCall(error: FailureContext['error'], c: IonConnection, what: string): string {
  const status = typeof error.details.status === 'number' ? error.details.status : undefined;
  if (error.code === 'unauthorized' || status === 401)
    return (
      `The ION API Gateway refused the token on ${what} (401) even after a new one was issued: the token is missing, ` +
      `expired, revoked, or minted by another tenant's authorization server (pu must be tenant ${c.ti}'s). A 401 is never a ` +
      'missing permission: permissions show as 403 (scopes) or as M3 errors inside a 200.'
    );
  if (error.details.layer === 'erp')
    return (
      `M3 refused ${what} inside an HTTP 200 (${error.message.replace(/^.*?: /, '')}): the token and the gateway accepted the call; ` +
      'the ERP user behind the service account lacks M3 authority for the program or the company. Grant it in M3 security; ' +
      'the authorized app, its scopes and the gateway roles are fine.'
    );
  if (error.code === 'insufficient_scope' || status === 403)
    return (
      `The ION API Gateway refused ${what} (403): the tenant enforces OAuth scopes for this app and the token lacks the API ` +
      `suite's scope (Infor-M3), or the account lacks the gateway's security role for it. Add Infor-M3 to the app's scopes and to ` +
      `the service account (Security > Service Accounts), then request a new token${c.scope === undefined ? '' : ` (scope requested: "${c.scope}")`}. ` +
      'Names like CloudSuite.FinancialManagement do not exist.'
    );
  if (error.code === 'not_found')
    return `The gateway answered 404 on ${what}: the API suite context or path does not exist for tenant ${c.ti}, or the tenant is not entitled to it; check "iu" and "ti".`;
  return `${what} failed: ${error.message}${error.hint === undefined ? '' : ` ${error.hint}`}`;
}

const hooks: DiagnosisHooks = {
  checkEndpoints(connection) {
    try {
      const endpoints = parseIonEndpoints(ion(connection));
      return {
        tenant: endpoints.tenant,
        result: passed(
          'endpoints',
          `tenant ${endpoints.tenant} in ti, pu${prefixed(ion(connection).ci, '~') ? ', ci' : ''}${prefixed(ion(connection).saak, '#') ? ' and saak' : ''}; token ${new URL(endpoints.tokenUrl).pathname}, gateway ${new URL(endpoints.gatewayBase).pathname}.`,
        ),
      };
    } catch (thrown: unknown) {
      const error = toConnectorError(thrown);
      return {
        result: failed(
          'endpoints',
          `${error.message}${error.hint === undefined ? '' : ` ${error.hint}`}`,
          error.code,
          { ...error.details },
        ),
      };
    }
  },
  explainToken,
  explainTest: ({ error, connection }) =>
    explainCall(error, ion(connection), 'the connection test (M3 MNS150MI/GetUserData)'),
  explainProbe: ({ error, connection, probe, operation }) =>
    `${operation}: ${explainCall(error, ion(connection), probe.name)}`,
  describeToken: (update) =>
    `${update.access_token_expires_at === undefined ? '' : `Expires at ${update.access_token_expires_at}; `}${update.refresh_token === undefined ? 'no refresh token (the grant is repeated when it expires).' : 'a refresh token was issued.'}`,
};

/** Diagnoses one Infor ION connection. */
export function diagnoseIonConnection(options: DiagnoseOptions): Promise<ConnectionReport> {
  return diagnoseGeneric(options, hooks);
}
