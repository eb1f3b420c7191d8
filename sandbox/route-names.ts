/**
 * Stable names of the sandbox's API routes: the keys of `SandboxState.requests.byRoute`.
 * SOAP requests are counted per operation as `soap.<Operation>` (`soap.invalid` when the
 * envelope could not be read).
 */
export const ROUTE_NAMES = {
  authorizePage: 'oauth.authorize.page',
  authorizeSubmit: 'oauth.authorize.submit',
  token: 'oauth.token',
  workersList: 'rest.workers.list',
  workersGet: 'rest.workers.get',
  workerInboxTasksList: 'rest.workers.inboxTasks.list',
  workerInboxTasksGet: 'rest.workers.inboxTasks.get',
  inboxTasksGet: 'rest.inboxTasks.get',
  inboxTasksUpdate: 'rest.inboxTasks.update',
  currenciesList: 'rest.currencies.list',
  soap: 'soap',
  unmatched: 'unmatched',
} as const;

/** How a route answers errors: Workday REST JSON, RFC 6749 JSON, SOAP faults or an HTML page. */
export type RouteKind = 'rest' | 'oauth' | 'soap' | 'html' | 'admin';

/** Per-route configuration read by the app's hooks and error handler. */
export interface SandboxRouteConfig {
  routeName: string;
  kind: RouteKind;
}
