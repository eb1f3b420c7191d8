/**
 * Workday "scopes" are functional areas ticked on the API client registration, never OAuth scope
 * strings sent in a request (reference/workday-api.md §2). This file maps each resource the
 * connector uses to the area it needs, so `connector doctor` and error hints can name it.
 *
 * The mapping is a guess shared with the sandbox (marked per entry): Workday's published specs
 * list "Scope: Staffing" for `workers`, but odd scopes for `inboxTasks`, and SOAP
 * Financial_Management is secured by domain policies rather than functional areas.
 */

/** Functional-area names exactly as Workday shows them under "Scope (Functional Areas)". */
export const FUNCTIONAL_AREAS = {
  /** Workers (`common/v1/{tenant}/workers`): documented as "Scope: Staffing" in the common v1 spec. */
  staffing: 'Staffing',
  /** Inbox tasks, read and act. Guess: the spec snapshot lists unrelated scopes; Nango uses this one. */
  tenantNonConfigurable: 'Tenant Non-Configurable',
  /** coreAccounting REST and the Financial_Management SOAP service. Guess for SOAP. */
  commonFinancialManagement: 'Common Financial Management',
} as const;

/** One of the functional areas the connector knows. */
export type FunctionalArea = (typeof FUNCTIONAL_AREAS)[keyof typeof FUNCTIONAL_AREAS];

/** The Workday resources the connector calls, each with the functional area it needs. */
export const RESOURCE_FUNCTIONAL_AREAS = {
  workers: FUNCTIONAL_AREAS.staffing,
  inboxTasks: FUNCTIONAL_AREAS.tenantNonConfigurable,
  coreAccounting: FUNCTIONAL_AREAS.commonFinancialManagement,
  financialManagementSoap: FUNCTIONAL_AREAS.commonFinancialManagement,
} as const satisfies Record<string, FunctionalArea>;

/** A resource key of {@link RESOURCE_FUNCTIONAL_AREAS}. */
export type WorkdayResource = keyof typeof RESOURCE_FUNCTIONAL_AREAS;

const WHAT_IT_COVERS: { readonly [A in FunctionalArea]: string } = {
  Staffing: 'reading workers',
  'Tenant Non-Configurable': 'reading and acting on inbox tasks',
  'Common Financial Management':
    'currencies, journal sources, ledger accounts and journal entries (Financial_Management)',
};

/**
 * The sentence `connector doctor` and `insufficient_scope` hints print for a missing area.
 * @example explainFunctionalArea('Staffing')
 * // 'Add the functional area "Staffing" (needed for reading workers) to the API client (task View API Clients → Edit API Client → Scope (Functional Areas)), then reconnect so the next access token carries it.'
 */
export function explainFunctionalArea(area: FunctionalArea): string {
  return (
    `Add the functional area "${area}" (needed for ${WHAT_IT_COVERS[area]}) to the API client ` +
    '(task View API Clients → Edit API Client → Scope (Functional Areas)), then reconnect so the next access token carries it.'
  );
}

/** The explanation for every known area, keyed by area name. */
export const FUNCTIONAL_AREA_EXPLANATIONS: { readonly [A in FunctionalArea]: string } = {
  Staffing: explainFunctionalArea('Staffing'),
  'Tenant Non-Configurable': explainFunctionalArea('Tenant Non-Configurable'),
  'Common Financial Management': explainFunctionalArea('Common Financial Management'),
};
