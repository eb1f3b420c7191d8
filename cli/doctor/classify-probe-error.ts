import { toConnectorError } from '../../sdk/errors';
import type { ConnectorError } from '../../sdk/errors';

/** What the classifier knows about a failed probe. */
export interface ProbeFailureContext {
  /** The probe's name, e.g. `GET workers/me/inboxTasks` or `SOAP Get_Journals`. */
  probe: string;
  /** The functional area the probe proves. */
  scope: string;
  /** The operations that need that area, e.g. `actions post_journal_entry, get_journal_entry`. */
  neededBy: string;
  /** Who the token acts for: an ISU (API client for integrations) or a signed-in user. */
  account: 'ISU' | 'user';
  /** True when another probe of the same functional area passed: the client has the area. */
  areaProven: boolean;
}

const EDIT_SCOPE = 'View API Clients → Edit API Client → Scope (Functional Areas)';

// Workday's SOAP answer when domain security (or, for bearer tokens, the client's scope) refuses.
const SOAP_NOT_AUTHORIZED = /task submitted is not authorized|not authorized/i;

function remoteText(error: ConnectorError): string {
  const messages = error.details.remoteMessages ?? [];
  return [error.message, ...messages.map((m) => `${m.message} ${m.detail ?? ''}`)].join(' ');
}

function securityGroup(account: 'ISU' | 'user'): string {
  return account === 'ISU' ? "the ISU's security group" : "the user's security groups";
}

/** The short form for a probe already diagnosed in an earlier row. */
export function repeatedProbeError(
  thrown: unknown,
  probe: string,
  scope: string,
  firstRow: string,
): string {
  const error = toConnectorError(thrown);
  const what =
    error.code === 'insufficient_scope'
      ? `needs functional area ${scope} (or permission for it)`
      : `cannot run (${error.code})`;
  return `${what}: ${probe} failed as diagnosed for ${firstRow}.`;
}

function missingArea(context: ProbeFailureContext): string {
  return (
    `the API client lacks functional area ${context.scope} (needed by ${context.neededBy}): ` +
    `add it in ${EDIT_SCOPE}`
  );
}

function lacksPermission(context: ProbeFailureContext): string {
  return (
    `${securityGroup(context.account)} lacks permission for ${context.probe}: grant the domain ` +
    'permission to the security group (Maintain Permissions for Security Group) and activate pending security policy changes'
  );
}

/**
 * Turns a failed probe into the doctor's diagnosis: a 403/`insufficient_scope` names the missing
 * functional area and the operations that need it; a SOAP "task submitted is not authorized"
 * names the security group's missing permission; a 401 after refresh says the token was
 * rejected. Never "unauthorized" alone.
 */
export function classifyProbeError(thrown: unknown, context: ProbeFailureContext): string {
  const error = toConnectorError(thrown);
  const status = typeof error.details.status === 'number' ? error.details.status : undefined;
  switch (error.code) {
    case 'insufficient_scope': {
      const soap = SOAP_NOT_AUTHORIZED.test(remoteText(error)) && status !== 403;
      if (soap) {
        const said = `Workday answered "The task submitted is not authorized" to ${context.probe}`;
        if (context.areaProven) {
          return `${said}: the API client has functional area ${context.scope} (another probe passed), so ${lacksPermission(context)}.`;
        }
        // Workday secures web services by domain and business-process security; whether an
        // OAuth token's functional areas also gate SOAP is not documented, so name both, the
        // documented cause first.
        return (
          `${said}: ${securityGroup(context.account)} lacks permission for it (web services are secured ` +
          'by domain and business-process security): grant the domain permission to the security group ' +
          '(Maintain Permissions for Security Group) and activate pending security policy changes. The call ' +
          `used an OAuth token, so also check that the API client has functional area ${context.scope} ` +
          `(needed by ${context.neededBy}) in ${EDIT_SCOPE}.`
        );
      }
      if (context.areaProven) {
        return (
          `${context.probe} was refused (403) although functional area ${context.scope} works for another probe: ` +
          `${lacksPermission(context)}.`
        );
      }
      return `${context.probe} was refused (403): ${missingArea(context)}.`;
    }
    case 'unauthorized':
      return (
        `Workday rejected the access token on ${context.probe} even after one refresh (401): the token endpoint ` +
        'issues tokens this API does not accept. Check that the REST endpoint and the token endpoint are those ' +
        'of the same tenant in View API Clients, and that the API client is not disabled.'
      );
    case 'not_found':
      return (
        `${context.probe} answered 404 (${error.message}): the resource does not exist at this tenant or ` +
        `${securityGroup(context.account)} cannot see it; check "rest_api_endpoint".`
      );
    default: {
      const hint = error.hint === undefined ? '' : ` ${error.hint}`;
      return `${context.probe} failed: ${error.message}${hint}`;
    }
  }
}
