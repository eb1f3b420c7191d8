import { isConnectorError, toConnectorError } from '../../sdk/errors';
import { parseWorkdayEndpoints } from '../../workday/endpoints';
import { failed, passed } from './report';
import type { EndpointSettings, WorkdayEndpoints } from '../../workday/endpoints';
import type { CheckResult } from './report';

/** Outcome of the endpoints check: the row, and the derived endpoints when it passed. */
export interface EndpointsCheckOutcome {
  result: CheckResult;
  endpoints?: WorkdayEndpoints;
}

/**
 * Check 2: the endpoints are https (http only on loopback), each names a tenant, the tenants
 * agree (`tenant_mismatch` names both and the field to fix) and token and REST hosts are equal.
 */
export function checkEndpoints(connection: EndpointSettings): EndpointsCheckOutcome {
  const check = 'endpoints';
  try {
    const endpoints = parseWorkdayEndpoints(connection);
    const authorizationOrigin =
      endpoints.authorizationUrl === undefined
        ? undefined
        : new URL(endpoints.authorizationUrl).origin;
    const authorization =
      authorizationOrigin === undefined || authorizationOrigin === endpoints.origin
        ? ''
        : `; authorization endpoint on ${authorizationOrigin}`;
    return {
      endpoints,
      result: passed(
        check,
        `tenant ${endpoints.tenant} in every endpoint; REST and token endpoints on ${endpoints.origin}${authorization}.`,
        { tenant: endpoints.tenant, origin: endpoints.origin },
      ),
    };
  } catch (error: unknown) {
    const problem = toConnectorError(error);
    const hint = isConnectorError(error) && error.hint !== undefined ? ` ${error.hint}` : '';
    return {
      result: failed(check, `${problem.message}${hint}`, problem.code, {
        ...(problem.details.tenants === undefined ? {} : { tenants: problem.details.tenants }),
        ...(typeof problem.details.field === 'string' ? { field: problem.details.field } : {}),
      }),
    };
  }
}
