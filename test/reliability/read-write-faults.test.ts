/**
 * REST reads and the approval write under 5xx bursts, connection resets and latency: reads are
 * retried (bounded), the approval PUT is never blindly repeated, and a timeout is a clear
 * `transport` error that leaves nothing half-done.
 */
import { useSandboxFixture } from '../helpers/sandbox-session';
import { caught } from '../helpers/caught';
import { waitFor } from '../helpers/wait-for';

const LOGAN = '1098bc33a7485eb30301db1e72cf738b';
const ISU_APPROVAL_TASK = '43229f94b95d6f17b238a0139a02dc9d';

const fixture = useSandboxFixture();

async function awaitingAction(): Promise<number> {
  return (await fixture.state()).inboxTasks.acme_us?.['Awaiting Action'] ?? 0;
}

describe('reads', () => {
  it('retries a burst of 503s and succeeds', async () => {
    fixture.setFaults({ serverError: { status: 503, count: 2, match: `workers/${LOGAN}` } });

    const worker = await fixture
      .session('us', {}, { http: { retry: { baseDelayMs: 20 } } })
      .runAction('get_worker', { worker_id: LOGAN });

    expect(worker).toMatchObject({ id: LOGAN, descriptor: 'Logan McNeil' });
    expect(await fixture.count('rest.workers.get')).toBe(3);
  });

  it('gives up after a bounded number of attempts with remote_error naming the request', async () => {
    fixture.setFaults({ serverError: { status: 502, match: `workers/${LOGAN}` } });

    const error = await caught(
      fixture
        .session('us', {}, { http: { retry: { baseDelayMs: 10 } } })
        .runAction('get_worker', { worker_id: LOGAN }),
    );

    expect(error.code).toBe('remote_error');
    expect(error.details.status).toBe(502);
    expect(error.message).toContain(
      `GET ${fixture.sandbox.origin}/ccx/api/common/v1/acme_us/workers/${LOGAN}`,
    );
    // The first attempt plus the default three retries.
    expect(await fixture.count('rest.workers.get')).toBe(4);
  });

  it('retries a read whose connection was reset before the answer', async () => {
    fixture.setFaults({ resetBeforeResponse: { match: 'workers', count: 1 } });

    const worker = await fixture.session('us').runAction('get_worker', { worker_id: LOGAN });

    expect(worker).toMatchObject({ id: LOGAN });
    expect((await fixture.state()).faults.fired.resetBeforeResponse).toBe(1);
  });

  it('reports a read slower than the timeout as a transport error saying so', async () => {
    fixture.setFaults({ latencyMs: 500, latencyMatch: 'workers' });
    const session = fixture.session(
      'us',
      {},
      { http: { timeoutMs: 100, retry: { maxRetries: 1 } } },
    );

    const error = await caught(session.runAction('get_worker', { worker_id: LOGAN }));

    expect(error.code).toBe('transport');
    expect(error.message).toMatch(
      /^Request timed out after 100 ms: GET http:\/\/127\.0\.0\.1:\d+\/ccx\/api\/common\/v1\/acme_us\/workers\//,
    );
    expect(error.hint).toEqual(expect.any(String));
  });
});

describe('the approval PUT', () => {
  const approve = {
    inbox_task_id: ISU_APPROVAL_TASK,
    decision: 'approve',
    step_type: 'Approval',
  };

  it('is not blindly retried after a 500, and the task stays awaiting action', async () => {
    const before = await awaitingAction();
    fixture.setFaults({ serverError: { status: 500, count: 1, match: 'inboxTasks' } });

    const error = await caught(
      fixture.session('us').runAction('approve_reject_inbox_task', approve),
    );

    expect(error.code).toBe('remote_error');
    expect(await fixture.count('rest.inboxTasks.update')).toBe(1);
    expect(await awaitingAction()).toBe(before);
  });

  it('a reset before the PUT was handled: transport error, nothing changed, a rerun approves', async () => {
    const before = await awaitingAction();
    fixture.setFaults({ resetBeforeResponse: { match: 'inboxTasks', count: 1 } });
    const session = fixture.session('us');

    const error = await caught(session.runAction('approve_reject_inbox_task', approve));

    expect(error.code).toBe('transport');
    expect(error.message).toContain('PUT');
    // Read back, still awaiting action: the error says the decision was not applied.
    expect(error.hint).toContain('still awaiting action: the decision was not applied');
    expect(await fixture.count('rest.inboxTasks.update')).toBe(1);
    expect(await awaitingAction()).toBe(before);
    await expect(session.runAction('approve_reject_inbox_task', approve)).resolves.toMatchObject({
      id: ISU_APPROVAL_TASK,
    });
    expect(await awaitingAction()).toBe(before - 1);
  });

  it('an answer lost after the commit: confirmed by reading the task, approved once, a rerun is a conflict', async () => {
    const before = await awaitingAction();
    fixture.setFaults({ loseResponseAfterCommit: { match: 'inboxTasks', count: 1 } });
    const session = fixture.session('us');

    await expect(session.runAction('approve_reject_inbox_task', approve)).resolves.toMatchObject({
      id: ISU_APPROVAL_TASK,
      decision: 'approve',
      confirmed_by_lookup: true,
    });
    expect(await fixture.count('rest.inboxTasks.update')).toBe(1);
    expect(await fixture.count('rest.inboxTasks.get')).toBe(1);
    expect(await awaitingAction()).toBe(before - 1);
    const rerun = await caught(session.runAction('approve_reject_inbox_task', approve));
    expect(rerun.code).toBe('conflict');
    expect(rerun.message).toContain('Successfully Completed');
    expect(await awaitingAction()).toBe(before - 1);
  });

  it('slower than the timeout: a transport error, the PUT sent once, and it commits once', async () => {
    const before = await awaitingAction();
    // The sandbox answers well after the client gives up, so the order does not hinge on timing.
    fixture.setFaults({ latencyMs: 600, latencyMatch: 'inboxTasks' });
    // Retries stay on (a retried PUT must show in the count); short backoffs keep the slowed
    // read-back's retries quick.
    const session = fixture.session(
      'us',
      {},
      { http: { timeoutMs: 150, retry: { baseDelayMs: 10 } } },
    );

    const error = await caught(session.runAction('approve_reject_inbox_task', approve));

    expect(error.code).toBe('transport');
    expect(error.message).toContain('timed out after 150 ms: PUT');
    // The read-back timed out as well, so the outcome is unknown and the error says so.
    expect(error.hint).toContain('the decision may have been applied');
    expect(await fixture.count('rest.inboxTasks.update')).toBe(1);
    // The abandoned PUT is still running in the sandbox. Wait until it has committed (the task
    // leaves "Awaiting Action") so it cannot touch the fixtures a later reset restores; it was
    // the only write, so it applied exactly once and was never repeated.
    await waitFor('the abandoned PUT to commit', async () => (await awaitingAction()) < before);
    expect(await awaitingAction()).toBe(before - 1);
    expect(await fixture.count('rest.inboxTasks.update')).toBe(1);
  });
});
