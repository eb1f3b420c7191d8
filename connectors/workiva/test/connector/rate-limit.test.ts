/**
 * A 429 storm against a tight rate limit (token requests counted with API calls): the
 * connector finishes every action, requests one token, and never sends while told to wait.
 */
import { sessionFor, useWorkivaSimulator } from '../support';

const LIMIT = 6;
const sim = useWorkivaSimulator({ rateLimit: { limit: LIMIT, windowMs: 1000 } });

test('30 concurrent reads under a storm and a 6-per-second limit', async () => {
  sim().us.setFaults({
    rules: [{ kind: 'storm', times: 4, retryAfterSeconds: 1, path: '/spreadsheets/' }],
  });
  const session = sessionFor(sim(), 'us', { http: { maxConcurrency: 2 } });
  try {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        session.runAction('read_range', {
          spreadsheet_id: 'ss-budget-fy27',
          sheet_id: 'sh-summary',
          range: `A${(i % 5) + 1}`,
        }),
      ),
    );
    expect(results).toHaveLength(30);
    const state = sim().us.state();
    expect(state.tokenRequests).toBe(1);
    expect(state.rateLimit.violations).toBe(0);
    expect(state.rateLimit.maxAcceptedInWindow).toBeLessThanOrEqual(LIMIT);
    expect(state.rateLimit.limited).toBeGreaterThanOrEqual(4);
  } finally {
    session.close();
  }
});

test('a 429 on the token request itself is waited out, then the token is used', async () => {
  sim().us.setFaults({
    rules: [{ kind: 'storm', times: 1, retryAfterSeconds: 1, path: '/oauth2/token' }],
  });
  const session = sessionFor(sim(), 'us');
  try {
    await session.runAction('list_sheets', { spreadsheet_id: 'ss-budget-fy27' });
    const state = sim().us.state();
    expect(state.tokenRequests).toBe(2);
    expect(state.rateLimit.violations).toBe(0);
  } finally {
    session.close();
  }
});
