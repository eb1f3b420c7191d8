import type { AnyAction } from '../define';
import type { RetryPolicy } from '../http';

// Workato clamps max_retries to 0..3.
const MAX_ACTION_RETRIES = 3;

/** The retry policy an action declares (`retry_on_response`, `retry_on_request`, `max_retries`). */
export function retryPolicyOf<C>(action: AnyAction<C>): Partial<RetryPolicy> {
  const policy: Partial<RetryPolicy> = {};
  if (action.retry_on_response !== undefined) {
    const statuses = action.retry_on_response.filter((m): m is number => typeof m === 'number');
    const matchers = action.retry_on_response.filter(
      (m): m is string | RegExp => typeof m !== 'number',
    );
    // Workato: with no status listed, the matchers apply to the default statuses.
    if (statuses.length > 0) policy.statuses = statuses;
    if (matchers.length > 0) policy.matchers = matchers;
  }
  if (action.retry_on_request !== undefined) policy.methods = action.retry_on_request;
  if (action.max_retries !== undefined)
    policy.maxRetries = Math.max(0, Math.min(MAX_ACTION_RETRIES, Math.floor(action.max_retries)));
  return policy;
}
