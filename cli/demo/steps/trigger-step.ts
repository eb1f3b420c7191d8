import { check, DemoCheckError } from '../demo-context';
import { note, passLine, table } from '../format';
import { list, pick, text } from '../read';
import type { DemoContext, DemoStep } from '../demo-context';

const TENANT = 'acme_us';
// The ISU the `us` connection acts as (fixtures/sandbox/connections.json).
const ISU = 'ISU_Connector_US';
// A first poll drains the backlog in pages; this bounds a runaway `can_poll_more`.
const MAX_POLLS = 50;

interface Drained {
  events: unknown[];
  closure: unknown;
  polls: number;
}

async function drain(context: DemoContext, closure: unknown): Promise<Drained> {
  const session = await context.session('us');
  const events: unknown[] = [];
  let next = closure;
  for (let polls = 1; polls <= MAX_POLLS; polls += 1) {
    const result = await session.poll('new_inbox_task', {}, next);
    events.push(...list(result, 'events'));
    next = pick(result, 'next_poll');
    if (pick(result, 'can_poll_more') !== true) return { events, closure: next, polls };
  }
  throw new DemoCheckError(`new_inbox_task still had more after ${MAX_POLLS} polls`);
}

function rows(events: readonly unknown[]): string[][] {
  return events.map((event) => [
    text(event, 'assigned').slice(0, 19).replace('T', ' '),
    text(event, 'stepType.descriptor'),
    text(event, 'overallProcess.descriptor'),
    text(event, 'id'),
  ]);
}

async function run(context: DemoContext): Promise<void> {
  const first = await drain(context, undefined);
  context.write(
    note(
      `poll 1 (no closure: tasks assigned in the last 24 h): ${first.events.length} events, oldest first, in ${first.polls} poll${first.polls === 1 ? '' : 's'}`,
    ),
  );
  context.write(table(['assigned', 'step type', 'process', 'id'], rows(first.events.slice(-5))));
  const firstIds = new Set(first.events.map((event) => text(event, 'id')));
  check(first.events.length > 0, 'the first poll returned no tasks');
  check(firstIds.size === first.events.length, 'the first poll returned a task twice');

  const [added] = context.sandbox.addInboxTasks({
    tenant: TENANT,
    assignee: ISU,
    count: 1,
    stepType: 'Approval',
  });
  check(added !== undefined, 'the sandbox did not add a task');
  context.write(note(`sandbox: 1 new task assigned to ${ISU} (${added.id})`));

  const second = await drain(context, first.closure);
  context.write(
    note(
      `poll 2 (closure from poll 1): ${second.events.length} event${second.events.length === 1 ? '' : 's'}`,
    ),
  );
  context.write(table(['assigned', 'step type', 'process', 'id'], rows(second.events)));
  check(
    second.events.length === 1 && text(second.events[0], 'id') === added.id,
    `the second poll should return only the new task ${added.id}, it returned ${second.events.length} events`,
  );
  context.write(passLine('the second poll returned only the new task'));
}

/** Step 4: poll `new_inbox_task`, add a task, poll again and get only that task. */
export const triggerStep: DemoStep = {
  title: 'Trigger new_inbox_task: poll, add a task, poll',
  run,
};
