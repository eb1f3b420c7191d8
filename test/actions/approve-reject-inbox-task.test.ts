import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { useSandboxFixture } from '../helpers/sandbox-session';

// Tasks of ISU_Connector_US (connection "us"), picked from the sandbox fixture by their state.
const ISU_TASKS = (
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/sandbox/acme-us.json'), 'utf8')) as {
    inboxTasks: Array<{ id: string; assignee: string; stepType: string; status: string }>;
  }
).inboxTasks.filter((task) => task.assignee === 'ISU_Connector_US');

function fixtureTasks(stepType: string, status: string): string[] {
  const ids = ISU_TASKS.filter((t) => t.stepType === stepType && t.status === status).map(
    (t) => t.id,
  );
  if (ids.length === 0) throw new Error(`The sandbox fixture has no ${stepType} task ${status}.`);
  return ids;
}

const [APPROVAL_AWAITING = '', APPROVAL_AWAITING_2 = ''] = fixtureTasks(
  'Approval',
  'Awaiting Action',
);
const [REVIEW_AWAITING = ''] = fixtureTasks('Review', 'Awaiting Action');

const f = useSandboxFixture();

async function taskStatus(id: string): Promise<string | undefined> {
  const task = (await f.session('us').runAction('get_inbox_task', { inbox_task_id: id })) as {
    status: { descriptor?: string };
  };
  return task.status.descriptor;
}

describe('approve_reject_inbox_task', () => {
  it('approves an Approval task awaiting action', async () => {
    const result = await f.session('us').runAction('approve_reject_inbox_task', {
      inbox_task_id: APPROVAL_AWAITING,
      decision: 'approve',
    });
    expect(result).toMatchObject({
      id: APPROVAL_AWAITING,
      descriptor: 'Approval by Manager',
      decision: 'approve',
    });
    expect((result as { href: string }).href).toMatch(
      new RegExp(`/inboxTasks/${APPROVAL_AWAITING}$`),
    );
    expect(await f.count('rest.inboxTasks.update')).toBe(1);
    expect(await taskStatus(APPROVAL_AWAITING)).toBe('Successfully Completed');
  });

  it('rejects with a comment', async () => {
    const result = await f.session('us').runAction('approve_reject_inbox_task', {
      inbox_task_id: APPROVAL_AWAITING,
      decision: 'reject',
      comment: 'Dates overlap the quarter close.',
    });
    expect(result).toMatchObject({ id: APPROVAL_AWAITING, decision: 'reject' });
    expect(await taskStatus(APPROVAL_AWAITING)).toBe('Denied');
  });

  it('refuses to reject without a comment before any call', async () => {
    const before = (await f.state()).requests.total;
    await expect(
      f.session('us').runAction('approve_reject_inbox_task', {
        inbox_task_id: APPROVAL_AWAITING,
        decision: 'reject',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [expect.objectContaining({ path: 'comment' })] },
    });
    expect((await f.state()).requests.total).toBe(before);
  });

  it('refuses a task whose step type is not Approval, without a PUT', async () => {
    await expect(
      f.session('us').runAction('approve_reject_inbox_task', {
        inbox_task_id: REVIEW_AWAITING,
        decision: 'approve',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('has step type "Review"'),
    });
    expect(await f.count('rest.inboxTasks.get')).toBe(1);
    expect(await f.count('rest.inboxTasks.update')).toBe(0);
  });

  it('answers conflict naming the status on a second approval', async () => {
    const session = f.session('us');
    const input = { inbox_task_id: APPROVAL_AWAITING_2, decision: 'approve' };
    await session.runAction('approve_reject_inbox_task', input);
    await expect(session.runAction('approve_reject_inbox_task', input)).rejects.toMatchObject({
      code: 'conflict',
      message: `Inbox task "${APPROVAL_AWAITING_2}" has status "Successfully Completed", so it cannot be approved or rejected any more.`,
    });
    expect(await f.count('rest.inboxTasks.update')).toBe(1);
  });

  it('maps a 400 "no longer awaiting" from the PUT to conflict', async () => {
    const session = f.session('us');
    await session.runAction('approve_reject_inbox_task', {
      inbox_task_id: APPROVAL_AWAITING,
      decision: 'reject',
      comment: 'Not this quarter.',
    });
    // The step type is given, so no GET: only the PUT finds out the task was denied.
    await expect(
      session.runAction('approve_reject_inbox_task', {
        inbox_task_id: APPROVAL_AWAITING,
        decision: 'approve',
        step_type: 'Approval',
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: `Inbox task "${APPROVAL_AWAITING}" has status "Denied", so it cannot be approved or rejected any more.`,
    });
    expect(await f.count('rest.inboxTasks.update')).toBe(2);
    expect(await f.count('rest.inboxTasks.get')).toBe(1);
  });

  it('skips the GET when the step type is given', async () => {
    await f.session('us').runAction('approve_reject_inbox_task', {
      inbox_task_id: APPROVAL_AWAITING,
      decision: 'approve',
      step_type: 'Approval',
    });
    const state = await f.state();
    expect(state.requests.byRoute['rest.inboxTasks.get'] ?? 0).toBe(0);
    expect(state.requests.byRoute['rest.inboxTasks.update']).toBe(1);
  });

  it('uses a task from an earlier step instead of reading it again', async () => {
    const session = f.session('us');
    const task = await session.runAction('get_inbox_task', { inbox_task_id: APPROVAL_AWAITING });
    await session.runAction('approve_reject_inbox_task', {
      inbox_task_id: APPROVAL_AWAITING,
      decision: 'approve',
      task,
    });
    expect(await f.count('rest.inboxTasks.get')).toBe(1); // only get_inbox_task's
    // A task object whose status is no longer Awaiting Action is refused without a call.
    const done = { ...(task as object), status: { descriptor: 'Successfully Completed' } };
    await expect(
      session.runAction('approve_reject_inbox_task', {
        inbox_task_id: APPROVAL_AWAITING,
        decision: 'approve',
        task: done,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await f.count('rest.inboxTasks.update')).toBe(1);
  });

  it('refuses a task object whose id differs from the inbox task ID', async () => {
    await expect(
      f.session('us').runAction('approve_reject_inbox_task', {
        inbox_task_id: APPROVAL_AWAITING,
        decision: 'approve',
        task: { id: APPROVAL_AWAITING_2, stepType: { descriptor: 'Approval' } },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [expect.objectContaining({ path: 'task.id' })] },
    });
  });

  it('answers not_found naming an unknown task', async () => {
    await expect(
      f.session('us').runAction('approve_reject_inbox_task', {
        inbox_task_id: '00000000000000000000000000000000',
        decision: 'approve',
      }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('"00000000000000000000000000000000"'),
    });
  });
});
