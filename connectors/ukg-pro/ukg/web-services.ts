/**
 * UKG Pro REST resources the connector uses, each with the web service (and action) a web
 * service account needs on System Configuration > Security > Service Account Administration.
 * Facts: reference/other-systems.md §2.3 and §2.5. Permissions are per web service and action
 * (View / Add / Edit), not OAuth scopes.
 */

/** A web-service permission as the Service Account Administration page names it. */
export interface WebServicePermission {
  /** The web service row, e.g. `Personnel Integration`. */
  service: string;
  /** The column ticked on that row. */
  action: 'View' | 'Add' | 'Edit';
}

/** Formats a permission the way an administrator looks for it: `Personnel Integration (View)`. */
export function describePermission(permission: WebServicePermission): string {
  return `${permission.service} (${permission.action})`;
}

/** The permissions behind each resource family. */
export const PERMISSIONS = {
  // §2.3: person details are "View" on Personnel Integration.
  personDetails: { service: 'Personnel Integration', action: 'View' },
  // §2.5 lists "Employee Employment Information" as its own web service; that it guards
  // employment-details (rather than Personnel Integration) is our reading of those guides.
  employmentDetails: { service: 'Employee Employment Information', action: 'View' },
  // §2.3: org levels and positions are "View" on Company Configuration Integration.
  companyConfiguration: { service: 'Company Configuration Integration', action: 'View' },
  // §2.3: POST /configuration/v1/org-levels is "Add" on Company Configuration Integration.
  companyConfigurationAdd: { service: 'Company Configuration Integration', action: 'Add' },
} as const satisfies Record<string, WebServicePermission>;

/** REST paths, relative to the web-services host (the domain of the Web Services page URL). */
export const UKG_PATHS = {
  personDetails: '/personnel/v1/person-details',
  companyEmployeePersonDetails: (companyId: string, employeeId: string) =>
    `/personnel/v1/companies/${encodeURIComponent(companyId)}/employees/${encodeURIComponent(employeeId)}/person-details`,
  companyEmployeeEmploymentDetails: (companyId: string, employeeId: string) =>
    `/personnel/v1/companies/${encodeURIComponent(companyId)}/employees/${encodeURIComponent(employeeId)}/employment-details`,
  employmentDetails: '/personnel/v1/employment-details',
  orgLevels: '/configuration/v1/org-levels',
  positions: '/configuration/v1/positions',
} as const;

/**
 * UKG's documented page-size ceiling: `per_Page` default/max was raised from 100 to 10,000 in
 * January 2022 (§2.2).
 */
export const MAX_PER_PAGE = 10_000;

/** The header that carries the customer API key on every REST call with a web service account. */
export const CUSTOMER_API_KEY_HEADER = 'US-Customer-Api-Key';

/** The header that carries the Developer Console organization with a bearer token (§2.1 b). */
export const GLOBAL_TENANT_HEADER = 'global-tenant-id';
