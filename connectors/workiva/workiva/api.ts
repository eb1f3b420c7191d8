/**
 * Workiva Platform API facts the connector builds on (reference/other-systems.md §3): regional
 * hosts, the `X-Version` header and the paths of each version, the token endpoint, scopes.
 */

/** Workiva's regions and their Platform API hosts (the token endpoint is on the same host). */
export const REGION_HOSTS = {
  us: 'https://api.app.wdesk.com',
  eu: 'https://api.eu.wdesk.com',
  apac: 'https://api.apac.wdesk.com',
} as const;
export type WorkivaRegion = keyof typeof REGION_HOSTS;
export const REGIONS = Object.keys(REGION_HOSTS) as [WorkivaRegion, ...WorkivaRegion[]];

/**
 * The API version the connector speaks. `2026-01-01` is the current GA version; it drops the
 * `/platform/v1` prefix of `2022-01-01` (the default when the header is absent, deprecated).
 */
export const API_VERSION = '2026-01-01';
export const VERSION_HEADER = 'X-Version';

/** The token endpoint of the 2026-01-01 API (the 2022 one is `/iam/v1/oauth2/token`). */
export const TOKEN_PATH = '/oauth2/token';

/** Scopes the Platform API's OAS declares. */
export const KNOWN_SCOPES = [
  'activity:read',
  'file:read',
  'file:write',
  'graph:read',
  'graph:write',
  'organization:read',
  'organization:write',
] as const;

/** Paths (2026-01-01, relative to the regional host). */
export const WORKIVA_PATHS = {
  files: '/files',
  sheets: (spreadsheetId: string) => `/spreadsheets/${encodeURIComponent(spreadsheetId)}/sheets`,
  values: (spreadsheetId: string, sheetId: string, range: string) =>
    `/spreadsheets/${encodeURIComponent(spreadsheetId)}/sheets/${encodeURIComponent(sheetId)}/values/${encodeURIComponent(range)}`,
  operation: (operationId: string) => `/operations/${encodeURIComponent(operationId)}`,
} as const;

/** `$maxpagesize` bounds of `GET /files` (default 1000). */
export const MAX_PAGE_SIZE = 1000;

/** Operation states; the last three are terminal. */
export const OPERATION_STATUSES = [
  'acknowledged',
  'queued',
  'started',
  'completed',
  'cancelled',
  'failed',
] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export const TERMINAL_STATUSES: ReadonlySet<OperationStatus> = new Set([
  'completed',
  'cancelled',
  'failed',
]);
