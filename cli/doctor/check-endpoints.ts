import { isConnectorError, toConnectorError } from '../../sdk/errors';
import { findWorkdayEndpointProblems, parseWorkdayEndpoints } from '../../workday/endpoints';
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
 * Every problem found is listed, each followed by its fix, not only the first.
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
    // Every endpoint problem at once, so one round of fixes is enough (issue 11).
    const found = findWorkdayEndpointProblems(connection);
    const problems = found.length > 0 ? found : [toConnectorError(error)];
    const first = problems[0] ?? toConnectorError(error);
    // Each problem with its fix; a fix already given for an earlier problem is not repeated.
    const given = new Set<string>();
    const detail = problems
      .map((problem) => {
        const hint = isConnectorError(problem) ? problem.hint : undefined;
        if (hint === undefined || given.has(hint)) return problem.message;
        given.add(hint);
        return `${problem.message} ${hint}`;
      })
      .join(' ');
    const fields = problems
      .map((problem) => problem.details.field)
      .filter((field): field is string => typeof field === 'string');
    return {
      result: failed(check, detail, first.code, {
        ...(first.details.tenants === undefined ? {} : { tenants: first.details.tenants }),
        ...(fields[0] === undefined ? {} : { field: fields[0] }),
        ...(problems.length > 1 ? { problems: problems.length, fields } : {}),
      }),
    };
  }
}
