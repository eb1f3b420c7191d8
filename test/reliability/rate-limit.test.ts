/**
 * 429 storms with Retry-After: actions wait the time the server asks for and then succeed, the
 * number of attempts stays bounded, and a storm that never ends becomes `rate_limited`.
 */
import { useSandboxFixture } from '../helpers/sandbox-session';
import { caught } from '../helpers/caught';

const ISU_APPROVAL_TASK = '43229f94b95d6f17b238a0139a02dc9d';
const LOGAN = '1098bc33a7485eb30301db1e72cf738b';
// Kept at 1 s so the suite stays fast; the client honours whatever the server sends.
const RETRY_AFTER_SECONDS = 1;

const fixture = useSandboxFixture();

/**
 * Every matching request is refused until the client has seen the first 429: the storm ends
 * while the client waits out Retry-After, so its next attempt must succeed. Ending it on the
 * exchange rather than on a timer keeps the test deterministic on a loaded machine.
 */
function stormySession(match: string) {
  const session = fixture.session(
    'us',
    {},
    {
      onExchange: (exchange) => {
        if (exchange.status === 429) fixture.setFaults({});
      },
    },
  );
  return {
    session,
    start: () =>
      fixture.setFaults({ rateLimit: { every: 1, retryAfterSeconds: RETRY_AFTER_SECONDS, match } }),
  };
}

it('a read waits out the Retry-After of a storm and succeeds on the next attempt', async () => {
  const { session, start } = stormySession('workers/');
  await session.test(); // token and connection ready: only the action's request is timed
  start();

  const started = Date.now();
  const worker = await session.runAction('get_worker', { worker_id: LOGAN });
  const elapsed = Date.now() - started;

  expect(worker).toMatchObject({ id: LOGAN });
  expect(elapsed).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000 - 50);
  const state = await fixture.state();
  expect(state.faults.fired.rateLimit).toBe(1);
  // One request by test(), then the refused attempt and the one after Retry-After.
  expect(state.requests.byRoute['rest.workers.get']).toBe(3);
});

it('an endless storm ends in rate_limited after a bounded number of attempts', async () => {
  fixture.setFaults({
    rateLimit: { every: 1, retryAfterSeconds: RETRY_AFTER_SECONDS, match: 'workers/' },
  });
  const session = fixture.session('us', {}, { http: { retry: { maxRetries: 1 } } });

  const error = await caught(session.runAction('get_worker', { worker_id: LOGAN }));

  expect(error.code).toBe('rate_limited');
  expect(error.details.retryAfterSeconds).toBe(RETRY_AFTER_SECONDS);
  expect(error.details.status).toBe(429);
  expect(await fixture.count('rest.workers.get')).toBe(2);
});

it('an approval refused with 429 is sent again after the Retry-After and approves once', async () => {
  const { session, start } = stormySession('inboxTasks');
  await session.test();
  start();

  const result = await session.runAction('approve_reject_inbox_task', {
    inbox_task_id: ISU_APPROVAL_TASK,
    decision: 'approve',
    step_type: 'Approval',
  });

  expect(result).toMatchObject({ id: ISU_APPROVAL_TASK, decision: 'approve' });
  const state = await fixture.state();
  // A 429 means Workday did not act on the PUT, so sending it again cannot approve twice.
  expect(state.requests.byRoute['rest.inboxTasks.update']).toBe(2);
  expect(state.faults.fired.rateLimit).toBe(1);
});

it('a journal submit refused with 429 waits, is sent again and is booked once', async () => {
  const { session, start } = stormySession('Submit_Accounting_Journal');
  await session.test();
  start();

  const result = await session.runAction('post_journal_entry', {
    journal_id: 'JE-REL-429',
    company: 'GMS_USA',
    currency: 'USD',
    accounting_date: '2026-03-31',
    journal_source: 'Integration',
    lines: [
      { ledger_account: '6000', debit: '10.00' },
      { ledger_account: '2100', credit: '10.00' },
    ],
  });

  expect(result).toMatchObject({ journal_id: 'JE-REL-429', duplicate: false });
  const state = await fixture.state();
  expect(state.journals.acme_us).toBe(1);
  // Refused before processing, so resending it is safe: one 429, one accepted submit.
  expect(state.requests.byRoute['soap.Submit_Accounting_Journal']).toBe(2);
  expect(state.faults.fired.rateLimit).toBe(1);
});

it('a paged search during a storm pauses the whole connection and returns every page in order', async () => {
  fixture.sandbox.addInboxTasks({
    tenant: 'acme_us',
    assignee: 'ISU_Connector_US',
    count: 450,
    stepType: 'Approval',
  });
  const session = fixture.session('us');
  await session.test();
  const calm = (await session.runAction('search_inbox_tasks', { limit: 500 })) as {
    tasks: Array<{ id: string }>;
  };
  // Every third inbox page request is refused while the search runs.
  fixture.setFaults({
    rateLimit: { every: 3, retryAfterSeconds: RETRY_AFTER_SECONDS, match: 'inboxTasks' },
  });

  const stormy = (await session.runAction('search_inbox_tasks', { limit: 500 })) as {
    tasks: Array<{ id: string }>;
    complete: boolean;
  };

  expect(stormy.complete).toBe(true);
  expect(stormy.tasks.map((t) => t.id)).toEqual(calm.tasks.map((t) => t.id));
  const state = await fixture.state();
  const pages = Math.ceil(calm.tasks.length / 100);
  // Bounded: each refused page costs one more request, nothing loops.
  expect(state.faults.fired.rateLimit).toBeGreaterThan(0);
  expect(state.requests.byRoute['rest.workers.inboxTasks.list']).toBeLessThanOrEqual(
    2 * (pages + 1),
  );
});
