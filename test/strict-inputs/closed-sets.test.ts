// Filters over closed sets refuse values that could never match, instead of returning nothing;
// the trigger refuses inputs and closures that would make it skip tasks for good.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { caught } from '../helpers/caught';
import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();

const TASKS = (
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/sandbox/acme-us.json'), 'utf8')) as {
    inboxTasks: Array<{ id: string; assignee: string; stepType: string; status: string }>;
  }
).inboxTasks.filter((task) => task.assignee === 'ISU_Connector_US');

const STEP_TYPES = '"Approval", "To Do", "Review"';

async function requests(): Promise<number> {
  return (await f.state()).requests.total;
}

describe('closed-set filters', () => {
  it.each([
    ['Approvals', `must be one of ${STEP_TYPES}`],
    ['approval', `must be one of ${STEP_TYPES} (did you mean "Approval"?)`],
  ])('search_inbox_tasks refuses step_type %j with the list', async (stepType, message) => {
    const error = await caught(
      f.session('us').runAction('search_inbox_tasks', { step_type: stepType }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.details.issues).toEqual([{ path: 'step_type', message }]);
    expect(await requests()).toBe(0);
  });

  it('search_inbox_tasks refuses status "awaiting", listing the statuses', async () => {
    const error = await caught(
      f.session('us').runAction('search_inbox_tasks', { status: 'awaiting' }),
    );
    expect(error.details.issues?.[0]?.message).toMatch(/^must be one of "Awaiting Action", /);
  });

  it('the trigger refuses an unknown step type before polling', async () => {
    const error = await caught(f.session('us').poll('new_inbox_task', { step_type: 'approval' }));
    expect(error.code).toBe('invalid_input');
    expect(error.details.issues?.[0]?.path).toBe('step_type');
    expect(await requests()).toBe(0);
  });
});

describe('new_inbox_task trigger', () => {
  it('refuses a since in the future, which would deliver nothing until then', async () => {
    const since = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const error = await caught(f.session('us').poll('new_inbox_task', { since }));
    expect(error.code).toBe('invalid_input');
    expect(error.details.issues?.[0]).toMatchObject({
      path: 'since',
      message: expect.stringContaining('is in the future'),
    });
    expect(await requests()).toBe(0);
  });

  it('refuses a closure written under another step type, so skipped tasks are not lost', async () => {
    const session = f.session('us');
    const first = await session.poll('new_inbox_task', {
      since: '2020-01-01T00:00:00Z',
      step_type: 'Approval',
    });
    expect(first.events.length).toBeGreaterThan(0);
    const error = await caught(
      session.poll('new_inbox_task', { step_type: 'Review' }, first.next_poll),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(
      'The closure was written for step type "Approval", but the input asks for step type "Review"',
    );
    // The same filter goes on from the cursor.
    await expect(
      session.poll('new_inbox_task', { step_type: 'Approval' }, first.next_poll),
    ).resolves.toMatchObject({ events: expect.any(Array) });
  });

  it('refuses a closure it did not write as input, not as a remote failure', async () => {
    const before = await requests();
    const error = await caught(
      f
        .session('us')
        .poll('new_inbox_task', {}, { v: 1, rank: 0, total: 0, mark: 'yesterday', mark_ids: [] }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('The closure of triggers.new_inbox_task');
    expect(error.details.issues).toContainEqual({
      path: 'mark',
      message: 'must be a date or date-time',
    });
    const ranked = await caught(
      f
        .session('us')
        .poll(
          'new_inbox_task',
          {},
          { v: 1, rank: 90, total: 3, mark: '2026-01-01T00:00:00Z', mark_ids: [] },
        ),
    );
    expect(ranked.code).toBe('invalid_input');
    expect(ranked.details.issues?.[0]?.path).toBe('rank');
    expect(await requests()).toBe(before);
  });
});

describe('approve_reject_inbox_task', () => {
  it("quotes the task's own step type when the given step type is not Approval", async () => {
    const review = TASKS.find((t) => t.stepType === 'Review' && t.status === 'Awaiting Action');
    if (review === undefined) throw new Error('the sandbox fixture has no Review task');
    const error = await caught(
      f.session('us').runAction('approve_reject_inbox_task', {
        inbox_task_id: review.id,
        decision: 'approve',
        step_type: 'To Do',
      }),
    );
    expect(error.message).toContain(`Inbox task "${review.id}" has step type "Review"`);
    expect(error.message).not.toContain('"To Do"');
    expect(await f.count('rest.inboxTasks.update')).toBe(0);
  });
});
