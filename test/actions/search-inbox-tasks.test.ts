import { useSandboxFixture } from '../helpers/sandbox-session';

type Task = {
  id: string;
  assigned: string;
  stepType: { descriptor: string };
  status: { descriptor: string };
};
type Output = { tasks: Task[]; total: number; complete: boolean };

const ISU = 'ISU_Connector_US';
/** ISU_Connector_US's tasks in fixtures/sandbox/acme-us.json: 14, of which 8 Approval. */
const FIXTURE_TASKS = 14;

const f = useSandboxFixture();

async function search(input: Record<string, unknown>, overrides = {}): Promise<Output> {
  return (await f.session('us', overrides).runAction('search_inbox_tasks', input)) as Output;
}

describe('search_inbox_tasks', () => {
  it("lists the connected user's inbox newest first with Workday's task fields", async () => {
    const result = await search({});
    expect(result.total).toBe(FIXTURE_TASKS);
    expect(result.complete).toBe(true);
    expect(result.tasks).toHaveLength(FIXTURE_TASKS);
    const times = result.tasks.map((t) => Date.parse(t.assigned));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Object.keys(result.tasks[0] ?? {}).sort()).toEqual(
      [
        'assigned',
        'descriptor',
        'due',
        'href',
        'id',
        'initiator',
        'overallProcess',
        'status',
        'stepType',
        'subject',
      ].sort(),
    );
  });

  it('filters by step type, status and assigned date on the client', async () => {
    const all = await search({});
    const cutoff = all.tasks[5]?.assigned as string;
    const result = await search({
      step_type: 'Approval',
      status: 'Awaiting Action',
      assigned_on_or_after: cutoff,
    });
    const expected = all.tasks.filter(
      (t) =>
        t.stepType.descriptor === 'Approval' &&
        t.status.descriptor === 'Awaiting Action' &&
        Date.parse(t.assigned) >= Date.parse(cutoff),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(result.tasks.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    expect(result.total).toBe(FIXTURE_TASKS);
  });

  it('reads only up to the limit and says when the inbox was not read completely', async () => {
    const result = await search({ limit: 5, step_type: 'Approval' });
    expect(result.complete).toBe(false);
    expect(await f.count('rest.workers.inboxTasks.list')).toBe(1);
    // Newest first: once a task older than the cutoff was read, the answer is complete.
    const dated = await search({ limit: 5, assigned_on_or_after: '2000-01-01' });
    expect(dated.complete).toBe(false);
    const recent = await search({
      limit: 5,
      assigned_on_or_after: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    });
    expect(recent.complete).toBe(true);
  });

  it('pages 1,000 tasks in parallel in the same order as sequential paging', async () => {
    // Tied `assigned` times: the order then rests on the sandbox's id tie-break alone.
    const added = f.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: ISU,
      count: 1200,
      assignedStart: Date.now() + 60_000,
      assignedStepMs: 0,
    });
    const sequential = await search({ limit: 1000 }, { max_concurrency: 1 });
    const before = await f.count('rest.workers.inboxTasks.list');
    const parallel = await search({ limit: 1000 }, { max_concurrency: 8 });
    expect(parallel.total).toBe(1200 + FIXTURE_TASKS);
    expect(parallel.tasks.map((t) => t.id)).toEqual(sequential.tasks.map((t) => t.id));
    const newestFirst = added.map((t) => t.id).sort(); // ties: ascending id
    expect(parallel.tasks.map((t) => t.id)).toEqual(newestFirst.slice(0, 1000));
    expect((await f.count('rest.workers.inboxTasks.list')) - before).toBe(10);
  });

  it('refuses a limit above 1,000 before any call', async () => {
    await expect(search({ limit: 1001 })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [expect.objectContaining({ path: 'limit' })] },
    });
    expect((await f.state()).requests.total).toBe(0);
  });

  it('names the missing functional area for a client without it', async () => {
    await expect(f.session('us_limited').runAction('search_inbox_tasks', {})).rejects.toMatchObject(
      { code: 'insufficient_scope' },
    );
  });
});
