import { useSandboxFixture } from '../helpers/sandbox-session';

type Task = { id: string; assigned: string; stepType: { descriptor: string } };
type Outcome = { events: unknown[]; next_poll: unknown; can_poll_more: boolean };

const ISU = 'ISU_Connector_US';
const EVER = '2000-01-01T00:00:00.000Z';
/** ISU_Connector_US's tasks in fixtures/sandbox/acme-us.json. */
const FIXTURE_TASKS = 14;

const f = useSandboxFixture();

/** Polls until `can_poll_more` is false; `between` runs after each poll. */
async function drain(
  input: Record<string, unknown>,
  closure?: unknown,
  between?: (poll: number) => void,
): Promise<{ tasks: Task[]; closure: unknown; polls: number; maxClosureBytes: number }> {
  const session = f.session('us');
  const tasks: Task[] = [];
  let current = closure;
  let polls = 0;
  let maxClosureBytes = 0;
  for (;;) {
    const outcome: Outcome = await session.poll('new_inbox_task', input, current);
    polls++;
    tasks.push(...(outcome.events as Task[]));
    current = JSON.parse(JSON.stringify(outcome.next_poll)) as unknown;
    maxClosureBytes = Math.max(maxClosureBytes, Buffer.byteLength(JSON.stringify(current)));
    between?.(polls);
    if (!outcome.can_poll_more) break;
    if (polls > 200) throw new Error('the trigger did not finish draining');
  }
  return { tasks, closure: current, polls, maxClosureBytes };
}

function expectOldestFirstWithoutDuplicates(tasks: Task[]): void {
  expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
  const times = tasks.map((t) => Date.parse(t.assigned));
  expect(times).toEqual([...times].sort((a, b) => a - b));
}

describe('new_inbox_task', () => {
  it('emits the inbox oldest first and nothing twice over two polls', async () => {
    const first = await drain({ since: EVER });
    expect(first.tasks).toHaveLength(FIXTURE_TASKS);
    expectOldestFirstWithoutDuplicates(first.tasks);
    const second = await drain({ since: EVER }, first.closure);
    expect(second.tasks).toEqual([]);
  });

  it('looks back 24 hours on the first poll by default', async () => {
    const { tasks } = await drain({});
    const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
    // The ISU's fixture tasks are 19 minutes to ~7 days old.
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.length).toBeLessThan(FIXTURE_TASKS);
    for (const task of tasks) expect(Date.parse(task.assigned)).toBeGreaterThanOrEqual(dayAgo);
  });

  it('returns a new task on the next poll', async () => {
    const first = await drain({ since: EVER });
    const [added] = f.sandbox.addInboxTasks({ tenant: 'acme_us', assignee: ISU, count: 1 });
    const next = await drain({ since: EVER }, first.closure);
    expect(next.tasks.map((t) => t.id)).toEqual([added?.id]);
  });

  it('filters on step type without losing its place', async () => {
    const first = await drain({ since: EVER, step_type: 'Approval' });
    expect(first.tasks.length).toBeGreaterThan(0);
    expect(first.tasks.every((t) => t.stepType.descriptor === 'Approval')).toBe(true);
    f.sandbox.addInboxTasks({ tenant: 'acme_us', assignee: ISU, count: 2, stepType: 'Review' });
    const [approval] = f.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: ISU,
      count: 1,
      stepType: 'Approval',
      assignedStart: Date.now() + 10_000,
    });
    const next = await drain({ since: EVER, step_type: 'Approval' }, first.closure);
    expect(next.tasks.map((t) => t.id)).toEqual([approval?.id]);
  });

  it('polls through 5,000 tasks with can_poll_more and a small closure', async () => {
    const added = f.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: ISU,
      count: 5000,
      assignedStart: Date.now() + 1000,
      assignedStepMs: 1,
    });
    const since = new Date(Date.now()).toISOString();
    const { tasks, polls, maxClosureBytes } = await drain({ since });
    expect(tasks.map((t) => t.id)).toEqual(added.map((t) => t.id));
    // 4 pages of 100 per poll (max_concurrency 4): the first poll 400, later ones 399.
    expect(polls).toBe(13);
    expect(maxClosureBytes).toBeLessThan(3000);
    const requests = await f.count('rest.workers.inboxTasks.list');
    expect(requests).toBeLessThan(80);
  });

  it('neither loses nor repeats tasks that arrive mid-drain', async () => {
    const start = Date.now() + 1000;
    const backlog = f.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: ISU,
      count: 2000,
      assignedStart: start,
      assignedStepMs: 1,
    });
    const arrivals: string[] = [];
    const { tasks } = await drain({ since: new Date(start).toISOString() }, undefined, (poll) => {
      if (poll > 3) return;
      const added = f.sandbox.addInboxTasks({
        tenant: 'acme_us',
        assignee: ISU,
        count: 150,
        assignedStart: start + 60_000 * poll,
        assignedStepMs: 1,
      });
      arrivals.push(...added.map((t) => t.id));
    });
    expect(tasks.map((t) => t.id)).toEqual([...backlog.map((t) => t.id), ...arrivals]);
    expectOldestFirstWithoutDuplicates(tasks);
  });

  it('refuses a closure that is not its own', async () => {
    await expect(f.session('us').poll('new_inbox_task', {}, { rank: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
