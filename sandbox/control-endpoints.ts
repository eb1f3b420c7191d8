/**
 * The sandbox's control endpoints (routes/admin.ts), listed once for `connector sandbox --help`
 * and the README: what a test or a person driving the sandbox by hand can call. No auth; never
 * counted in the request counters.
 */
export const CONTROL_ENDPOINTS = [
  {
    method: 'GET',
    path: '/_sandbox/state',
    what: 'counters, journals and inbox task counts, faults fired',
  },
  {
    method: 'POST',
    path: '/_sandbox/reset',
    what: 'restore the fixtures; clear counters, faults and issued tokens',
  },
  { method: 'GET', path: '/_sandbox/faults', what: 'the fault injection in force' },
  {
    method: 'POST',
    path: '/_sandbox/faults',
    what: 'set fault injection (JSON body, as --faults)',
  },
  { method: 'DELETE', path: '/_sandbox/faults', what: 'switch fault injection off' },
  {
    method: 'POST',
    path: '/_sandbox/inbox-tasks',
    what: 'add inbox tasks ({"tenant", "assignee", "count", "stepType"?})',
  },
] as const;

/** The control endpoints as help text lines. */
export function describeControlEndpoints(indent = '  '): string {
  return CONTROL_ENDPOINTS.map(
    (endpoint) =>
      `${indent}${endpoint.method.padEnd(7)}${endpoint.path.padEnd(22)}${endpoint.what}`,
  ).join('\n');
}
