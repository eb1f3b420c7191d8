import { check } from '../demo-context';
import { note, pairs, passLine, table } from '../format';
import { list, pick, text } from '../read';
import type { DemoContext, DemoStep } from '../demo-context';

const TENANT = 'acme_us';
const REJECT_COMMENT = 'Receipt missing: please attach it and resubmit.';
const SHOWN_ROWS = 8;

function isAwaitingApproval(task: unknown): boolean {
  return (
    text(task, 'stepType.descriptor') === 'Approval' &&
    text(task, 'status.descriptor') === 'Awaiting Action'
  );
}

async function statusCounts(context: DemoContext): Promise<Record<string, number>> {
  return (await context.sandbox.state()).inboxTasks[TENANT] ?? {};
}

async function run(context: DemoContext): Promise<void> {
  const session = await context.session('us');
  const found = await session.runAction('search_inbox_tasks', {});
  const tasks = list(found, 'tasks');
  context.write(
    note(
      `search_inbox_tasks: ${tasks.length} tasks for the ISU (total ${text(found, 'total')}), newest first`,
    ),
  );
  context.write(
    table(
      ['assigned', 'step type', 'status', 'process', 'id'],
      tasks
        .slice(0, SHOWN_ROWS)
        .map((task) => [
          text(task, 'assigned').slice(0, 16).replace('T', ' '),
          text(task, 'stepType.descriptor'),
          text(task, 'status.descriptor'),
          text(task, 'overallProcess.descriptor'),
          text(task, 'id'),
        ]),
    ),
  );
  if (tasks.length > SHOWN_ROWS) context.write(note(`  … ${tasks.length - SHOWN_ROWS} more`));
  const approvals = tasks.filter(isAwaitingApproval);
  check(tasks.length > 0, 'search_inbox_tasks returned no tasks for connection us');
  check(
    approvals.length >= 2,
    'fewer than two approval tasks await action; nothing to approve and reject',
  );
  const [toApprove, toReject] = approvals as [unknown, unknown];

  const before = await statusCounts(context);
  // Passing the task from the search lets the action skip its own GET of the task.
  const approved = await session.runAction('approve_reject_inbox_task', {
    inbox_task_id: text(toApprove, 'id'),
    decision: 'approve',
    task: toApprove,
  });
  context.write(note('approve_reject_inbox_task (approve):'));
  context.write(
    pairs([
      ['task', `${text(approved, 'descriptor')} (${text(approved, 'id')})`],
      ['decision', text(approved, 'decision')],
    ]),
  );
  const rejected = await session.runAction('approve_reject_inbox_task', {
    inbox_task_id: text(toReject, 'id'),
    decision: 'reject',
    comment: REJECT_COMMENT,
    task: toReject,
  });
  context.write(note('approve_reject_inbox_task (reject):'));
  context.write(
    pairs([
      ['task', `${text(rejected, 'descriptor')} (${text(rejected, 'id')})`],
      ['decision', text(rejected, 'decision')],
      ['comment', REJECT_COMMENT],
    ]),
  );
  const after = await statusCounts(context);
  const delta = (status: string) => (after[status] ?? 0) - (before[status] ?? 0);
  check(
    pick(approved, 'id') === pick(toApprove, 'id') && text(approved, 'decision') === 'approve',
    'the approval did not report the approved task',
  );
  check(
    pick(rejected, 'id') === pick(toReject, 'id') && text(rejected, 'decision') === 'reject',
    'the rejection did not report the rejected task',
  );
  check(
    delta('Successfully Completed') === 1 &&
      delta('Denied') === 1 &&
      delta('Awaiting Action') === -2,
    'the sandbox does not show exactly one task approved and one denied',
  );
  context.write(passLine('sandbox: Awaiting Action −2, Successfully Completed +1, Denied +1'));
}

/** Step 2: search the inbox, approve one approval task, reject another with a comment. */
export const inboxStep: DemoStep = { title: 'Inbox tasks: search, approve, reject', run };
