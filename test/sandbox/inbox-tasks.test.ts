import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessTokenFor, connection, getJson, readJson, useTestSandbox } from './support';

interface TaskJson {
  id: string;
  descriptor: string;
  href: string;
  assigned: string;
  due: string;
  stepType: { id: string; descriptor: string; href?: string };
  status: { id: string; descriptor: string };
  overallProcess: { id: string; descriptor: string };
  subject: { id: string; descriptor: string; href: string };
  initiator: { id: string; descriptor: string; href: string };
}

interface FixtureTask {
  id: string;
  assignee: string;
  stepType: string;
  status: string;
}

const usFixture = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/sandbox/acme-us.json'), 'utf8'),
) as { inboxTasks: FixtureTask[] };
const isuFixtureTasks = usFixture.inboxTasks.filter((task) => task.assignee === 'ISU_Connector_US');

describe('sandbox REST inbox tasks', () => {
  const sandbox = useTestSandbox();
  let token: string;
  let base: string;

  beforeAll(() => {
    base = connection(sandbox, 'us').rest_api_endpoint;
  });
  beforeEach(async () => {
    token = await accessTokenFor(sandbox, 'us');
  });

  async function listAll(): Promise<TaskJson[]> {
    const response = await getJson(`${base}/workers/me/inboxTasks?limit=100`, token);
    expect(response.status).toBe(200);
    return response.body.data as TaskJson[];
  }

  function put(taskId: string, type: string, body?: unknown, bearer = token): Promise<Response> {
    return fetch(`${base}/inboxTasks/${taskId}?type=${type}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  function findFixture(stepType: string, status: string): FixtureTask {
    const task = isuFixtureTasks.find((t) => t.stepType === stepType && t.status === status);
    if (task === undefined) throw new Error(`No ${stepType}/${status} task in the fixture.`);
    return task;
  }

  it("lists the token user's tasks newest first, completed ones included, in Workday's shape", async () => {
    const tasks = await listAll();
    expect(tasks).toHaveLength(isuFixtureTasks.length);
    expect(new Set(tasks.map((t) => t.id))).toEqual(new Set(isuFixtureTasks.map((t) => t.id)));
    const times = tasks.map((t) => Date.parse(t.assigned));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(tasks.map((t) => t.status.descriptor))).toEqual(
      new Set(isuFixtureTasks.map((t) => t.status)),
    );
    const first = tasks[0]!;
    expect(first.assigned).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(first.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.stepType).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      descriptor: expect.any(String),
    });
    expect(first.href).toBe(`${base}/inboxTasks/${first.id}`);
    expect(first.subject.href).toBe(`${base}/workers/${first.subject.id}`);
    expect(first.overallProcess.descriptor).toMatch(
      /^(Expense Report|Absence Request|Journal Entry): /,
    );
    const lastDay = tasks.filter((t) => Date.now() - Date.parse(t.assigned) < 86_400_000);
    expect(lastDay.length).toBeGreaterThan(0);
    expect(lastDay.length).toBeLessThan(tasks.length);
  });

  it('returns one own task by id and 404 for a task of someone else', async () => {
    const own = isuFixtureTasks[0]!;
    const byId = await getJson(`${base}/inboxTasks/${own.id}`, token);
    expect(byId.status).toBe(200);
    expect(byId.body.id).toBe(own.id);
    const nested = await getJson(`${base}/workers/me/inboxTasks/${own.id}`, token);
    expect(nested.body.id).toBe(own.id);
    const managers = usFixture.inboxTasks.find((t) => t.assignee === 'lmcneil')!;
    expect((await getJson(`${base}/inboxTasks/${managers.id}`, token)).status).toBe(404);
  });

  it("refuses another worker's inbox with 403", async () => {
    const response = await getJson(
      `${base}/workers/${sandbox.users.lmcneil!.workerId}/inboxTasks`,
      token,
    );
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('User has insufficient permissions.');
  });

  it('answers 403 to a client without Tenant Non-Configurable on GET and PUT', async () => {
    const limited = await accessTokenFor(sandbox, 'us_limited');
    const list = await getJson(`${base}/workers/me/inboxTasks`, limited);
    expect(list.status).toBe(403);
    expect(list.body).toEqual({
      error: 'User has insufficient permissions.',
      errors: [{ error: 'The task submitted is not authorized.' }],
    });
    const task = findFixture('Approval', 'Awaiting Action');
    expect((await put(task.id, 'approval', { comment: 'ok' }, limited)).status).toBe(403);
  });

  it('approves an awaiting Approval task once; the second approval names the status', async () => {
    const task = findFixture('Approval', 'Awaiting Action');
    const response = await readJson(await put(task.id, 'approval', { comment: 'Looks good' }));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: task.id,
      descriptor: expect.any(String),
      href: `${base}/inboxTasks/${task.id}`,
    });
    const after = await getJson(`${base}/inboxTasks/${task.id}`, token);
    expect((after.body.status as { descriptor: string }).descriptor).toBe('Successfully Completed');

    const again = await readJson(await put(task.id, 'approval', { comment: 'again' }));
    expect(again.status).toBe(400);
    expect(again.body.error).toBe(
      `invalid request: inbox task '${task.id}' cannot be approved because its status is 'Successfully Completed'.`,
    );
    expect(again.body.errors).toEqual([{ error: again.body.error }]);
  });

  it('refuses to approve a task whose step type is not Approval', async () => {
    const task = findFixture('To Do', 'Awaiting Action');
    const response = await readJson(await put(task.id, 'approval'));
    expect(response.status).toBe(400);
    expect(response.body.error).toBe(
      `invalid request: inbox task '${task.id}' has step type 'To Do', which cannot be approved.`,
    );
  });

  it('denies with a comment only, and refuses unknown types and foreign tasks', async () => {
    const task = findFixture('Approval', 'Awaiting Action');
    const noComment = await readJson(await put(task.id, 'denial', {}));
    expect(noComment.status).toBe(400);
    expect(noComment.body.error).toBe(
      'invalid request: a comment is required to deny an inbox task.',
    );
    expect((await readJson(await put(task.id, 'sendBack', { comment: 'x' }))).status).toBe(400);
    const denied = await put(task.id, 'denial', { comment: 'Missing receipts' });
    expect(denied.status).toBe(200);
    const after = await getJson(`${base}/inboxTasks/${task.id}`, token);
    expect((after.body.status as { descriptor: string }).descriptor).toBe('Denied');

    const managers = usFixture.inboxTasks.find(
      (t) => t.assignee === 'lmcneil' && t.stepType === 'Approval',
    )!;
    expect((await put(managers.id, 'approval', { comment: 'x' })).status).toBe(403);
    expect((await put('0123456789abcdef0123456789abcdef', 'approval')).status).toBe(404);
  });

  it('keeps the status counters of the state exact', async () => {
    const countFixture = (status: string): number =>
      usFixture.inboxTasks.filter((t) => t.status === status).length;
    const before = (await sandbox.state()).inboxTasks.acme_us!;
    expect(before['Awaiting Action']).toBe(countFixture('Awaiting Action'));
    const task = findFixture('Approval', 'Awaiting Action');
    await put(task.id, 'approval', { comment: 'ok' });
    const after = (await sandbox.state()).inboxTasks.acme_us!;
    expect(after['Awaiting Action']).toBe(before['Awaiting Action']! - 1);
    expect(after['Successfully Completed']).toBe(before['Successfully Completed']! + 1);
  });

  it('pages through 5,000 bulk-added tasks newest first, each exactly once', async () => {
    const response = await fetch(`${sandbox.origin}/_sandbox/inbox-tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenant: 'acme_us',
        assignee: 'ISU_Connector_US',
        count: 5000,
        assignedStart: Date.now() + 60_000,
        assignedStepMs: 10,
      }),
    });
    expect(response.status).toBe(200);
    const added = (await response.json()) as { id: string; assignedMs: number }[];
    expect(added).toHaveLength(5000);
    const total = 5000 + isuFixtureTasks.length;
    const ids: string[] = [];
    for (let offset = 0; offset < total; offset += 100) {
      const page = await getJson(`${base}/workers/me/inboxTasks?limit=100&offset=${offset}`, token);
      expect(page.body.total).toBe(total);
      ids.push(...(page.body.data as TaskJson[]).map((t) => t.id));
    }
    expect(new Set(ids).size).toBe(total);
    // The newest bulk task (the last added) comes first.
    expect(ids[0]).toBe(added[4999]!.id);
    expect(ids[4999]).toBe(added[0]!.id);
  });

  it('refuses an invalid bulk request over HTTP with 400 naming the field, adding nothing', async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${sandbox.origin}/_sandbox/inbox-tasks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const before = (await sandbox.state()).inboxTasks;
    const badCount = await post({ tenant: 'acme_us', assignee: 'lmcneil', count: 0 });
    expect(badCount.status).toBe(400);
    expect(((await badCount.json()) as { error: string }).error).toMatch(
      /^Inbox task request 'count' is invalid/,
    );
    const badAssignee = await post({ tenant: 'acme_us', assignee: 'nobody', count: 1 });
    expect(badAssignee.status).toBe(400);
    expect(await badAssignee.json()).toEqual({
      error: "Assignee 'nobody' is neither a username nor a worker id at 'acme_us'.",
    });
    expect((await sandbox.state()).inboxTasks).toEqual(before);
  });

  it('orders tasks with the same assigned time by id', async () => {
    const added = sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: sandbox.users.ISU_Connector_US!.workerId,
      count: 3,
      stepType: 'Review',
      assignedStart: '2030-01-01T00:00:00.000Z',
      assignedStepMs: 0,
    });
    const page = await getJson(`${base}/workers/me/inboxTasks?limit=3`, token);
    const ids = (page.body.data as TaskJson[]).map((t) => t.id);
    expect(ids).toEqual(added.map((t) => t.id).sort());
    expect((page.body.data as TaskJson[])[0]!.stepType.descriptor).toBe('Review');
  });
});
