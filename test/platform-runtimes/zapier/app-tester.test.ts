import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useSandboxFixture } from '../../helpers/sandbox-session';
import { useSuiteResource } from '../../helpers/suite-resource';
import { ROOT } from '../../helpers/build-dist';
import { buildAppsIntoTemp, shown, ZapierCloud, zapierErrorName } from './zapier-harness';

// Tasks of ISU_Connector_US (connection "us") picked from the sandbox fixture by their state.
const ISU_TASKS = (
  JSON.parse(readFileSync(path.join(ROOT, 'fixtures/sandbox/acme-us.json'), 'utf8')) as {
    inboxTasks: Array<{ id: string; assignee: string; stepType: string; status: string }>;
  }
).inboxTasks.filter((task) => task.assignee === 'ISU_Connector_US');
const APPROVAL_AWAITING =
  ISU_TASKS.find((t) => t.stepType === 'Approval' && t.status === 'Awaiting Action')?.id ?? '';

const JOURNAL = {
  company: 'GMS_USA',
  currency: 'USD',
  accounting_date: '2026-03-31',
  journal_source: 'Integration',
  memo: 'Zapier accrual',
  // As Zapier's form sends it: text for booleans, line items keyed parent__child.
  submit: 'true',
  lines: [
    { lines__ledger_account: '6000', lines__debit: '1250.00', lines__memo: '' },
    { lines__ledger_account: '2100', lines__credit: '1250.00' },
  ],
};

const EVER = '2000-01-01T00:00:00Z';

const f = useSandboxFixture();
const apps = useSuiteResource({
  name: 'zapier apps',
  start: buildAppsIntoTemp,
  close: (a) => a.remove(),
});

/** The session-auth app on the sandbox's ISU connection, connected as Zapier would. */
async function connectedIsu(): Promise<ZapierCloud> {
  const { auth_type: _selector, ...fields } = f.settings('us');
  const cloud = new ZapierCloud(path.join(apps.dir, 'refresh_token'), fields);
  await cloud.connect();
  return cloud;
}

async function failure(run: Promise<unknown>): Promise<Error> {
  return run.then(
    () => {
      throw new Error('expected the step to fail');
    },
    (error: unknown) => error as Error,
  );
}

describe('the generated Zapier app under zapier-platform-core', () => {
  it('connects: the session perform runs the refresh-token grant and stores the access token', async () => {
    const cloud = await connectedIsu();
    expect(typeof cloud.authData['access_token']).toBe('string');
    expect(cloud.authData['access_token']).not.toBe('');
    expect((await f.state()).tokenRequests.refresh_token).toBe(1);
    const me = (await cloud.run(cloud.app.authentication.test)) as Record<string, unknown>;
    expect(me).toMatchObject({ tenant: 'acme_us' });
    // The step reused the stored token: no second token request.
    expect((await f.state()).tokenRequests.refresh_token).toBe(1);
  });

  it('searches inbox tasks (a read-only action is a search) and finds no worker as an empty result', async () => {
    const cloud = await connectedIsu();
    const found = (await cloud.run(cloud.app.searches['search_inbox_tasks']?.operation.perform, {
      step_type: 'Approval',
      limit: '50',
    })) as Array<{ tasks: Array<{ stepType: { descriptor: string } }>; total: number }>;
    expect(found).toHaveLength(1);
    expect(found[0]?.tasks.length).toBeGreaterThan(0);
    expect(found[0]?.tasks.every((task) => task.stepType.descriptor === 'Approval')).toBe(true);
    const none = await cloud.run(cloud.app.searches['get_worker']?.operation.perform, {
      worker_id: '0000000000000000000000000000dead',
    });
    expect(none).toEqual([]);
  });

  it('approves a task once; approving it again is our conflict error', async () => {
    const cloud = await connectedIsu();
    const approve = cloud.app.creates['approve_reject_inbox_task']?.operation.perform;
    const result = await cloud.run(approve, {
      inbox_task_id: APPROVAL_AWAITING,
      decision: 'approve',
    });
    expect(result).toMatchObject({ id: APPROVAL_AWAITING, decision: 'approve' });
    expect(await f.count('rest.inboxTasks.update')).toBe(1);
    const again = await failure(
      cloud.run(approve, { inbox_task_id: APPROVAL_AWAITING, decision: 'approve' }),
    );
    expect(shown(again)).toMatchObject({ code: 'conflict' });
    expect(shown(again).message).toMatch(/Successfully Completed/);
    expect(shown(again).message).toContain('Hint:');
    expect(await f.count('rest.inboxTasks.update')).toBe(1);
  });

  it('posts a journal from line items once; the same journal ID again is recognised as a duplicate', async () => {
    const cloud = await connectedIsu();
    const post = cloud.app.creates['post_journal_entry']?.operation.perform;
    const input = { ...JOURNAL, journal_id: 'ZAP-JE-0001' };
    const before = (await f.state()).journals['acme_us'] ?? 0;
    const first = (await cloud.run(post, input)) as Record<string, unknown>;
    expect(first).toMatchObject({
      journal_id: 'ZAP-JE-0001',
      duplicate: false,
      line_count: 2,
      total_debit: '1250.00',
    });
    const second = (await cloud.run(post, input)) as Record<string, unknown>;
    expect(second).toMatchObject({ journal_id: 'ZAP-JE-0001', duplicate: true });
    expect((await f.state()).journals['acme_us'] ?? 0).toBe(before + 1);
  });

  it('refuses an unbalanced journal with our message naming the field, before any call', async () => {
    const cloud = await connectedIsu();
    const before = (await f.state()).requests.total;
    const error = await failure(
      cloud.run(cloud.app.creates['post_journal_entry']?.operation.perform, {
        ...JOURNAL,
        lines: [
          { lines__ledger_account: '6000', lines__debit: '100.00' },
          { lines__ledger_account: '2100', lines__credit: '99.99' },
        ],
      }),
    );
    expect(shown(error)).toMatchObject({ code: 'invalid_input' });
    expect(shown(error).message).toMatch(/debits/i);
    expect(shown(error).message).toContain('Hint:');
    expect((await f.state()).requests.total).toBe(before);
  });

  it('names a line-item JSON field that does not parse', async () => {
    const cloud = await connectedIsu();
    const error = await failure(
      cloud.run(cloud.app.creates['post_journal_entry']?.operation.perform, {
        ...JOURNAL,
        lines: [{ ...JOURNAL.lines[0], lines__worktags: '[{"type": ' }, JOURNAL.lines[1]],
      }),
    );
    expect(shown(error)).toEqual({
      code: 'invalid_input',
      message:
        '"lines.0.worktags" is not valid JSON. Hint: Enter the value as JSON, as the field help shows.',
    });
  });

  it('polls the trigger twice: newest first with ids, the same ids again (Zapier de-duplicates), then a new task on top', async () => {
    const cloud = await connectedIsu();
    const poll = cloud.app.triggers['new_inbox_task']?.operation.perform;
    type Task = { id: string; assigned: string };
    const first = (await cloud.run(poll, { since: EVER })) as Task[];
    expect(first.length).toBeGreaterThan(1);
    const times = first.map((task) => Date.parse(task.assigned));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(first.map((task) => task.id)).size).toBe(first.length);
    const second = (await cloud.run(poll, { since: EVER })) as Task[];
    expect(second.map((task) => task.id)).toEqual(first.map((task) => task.id));
    const [added] = f.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: 'ISU_Connector_US',
      count: 1,
    });
    const third = (await cloud.run(poll, { since: EVER })) as Task[];
    expect(third[0]?.id).toBe(added?.id);
    expect(first.some((task) => task.id === added?.id)).toBe(false);
  });

  it('lists a pick list for a dynamic dropdown', async () => {
    const cloud = await connectedIsu();
    const currencies = (await cloud.run(
      cloud.app.triggers['pick_list_currencies']?.operation.perform,
    )) as Array<{
      id: string;
      label: string;
    }>;
    expect(currencies.map((c) => c.id)).toContain('USD');
    expect(currencies.every((c) => typeof c.label === 'string' && c.label !== '')).toBe(true);
  });

  it('renews an access token that expires mid-run: RefreshAuthError, the session perform, the new token stored, the step done', async () => {
    const cloud = await connectedIsu();
    const oldToken = cloud.authData['access_token'];
    f.setFaults({ expireAccessTokens: true });
    const step = cloud.app.searches['get_inbox_task']?.operation.perform;
    // What the step alone does with the dead token: ask Zapier to refresh.
    const direct = await failure(
      cloud.tester(step, {
        authData: cloud.authData,
        inputData: { inbox_task_id: APPROVAL_AWAITING },
      }),
    );
    expect(zapierErrorName(direct)).toBe('RefreshAuthError');
    const found = (await cloud.run(step, { inbox_task_id: APPROVAL_AWAITING })) as Array<{
      id: string;
    }>;
    expect(found[0]?.id).toBe(APPROVAL_AWAITING);
    expect(cloud.renewals).toBe(1);
    expect(cloud.authData['access_token']).not.toBe(oldToken);
    // One grant at connect, one renewal: the step itself never ran a token request.
    expect((await f.state()).tokenRequests.refresh_token).toBe(2);
  });

  it('asks the user to reconnect when the refresh token is revoked', async () => {
    const cloud = await connectedIsu();
    f.setFaults({ expireAccessTokens: true, revokeRefreshTokens: true });
    const error = await failure(cloud.run(cloud.app.authentication.test));
    expect(zapierErrorName(error)).toBe('ExpiredAuthError');
    expect(error.message).toContain('Hint:');
  });

  it('never shows a secret in an error', async () => {
    const cloud = await connectedIsu();
    const error = await failure(
      cloud.run(cloud.app.searches['get_worker']?.operation.perform, {
        worker_id: 'not a valid id!',
      }),
    );
    for (const key of ['client_secret', 'refresh_token', 'access_token'])
      expect(error.message).not.toContain(String(cloud.authData[key]));
    expect(shown(error).message).toContain('worker_id');
  });
});
