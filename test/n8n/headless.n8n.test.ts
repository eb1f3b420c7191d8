/**
 * Real n8n, headless: `n8n import:*` and `n8n execute` run workflows with the generated Workday
 * node against the embedded sandbox; the sandbox's counters show what reached "Workday".
 */
import { createSession } from '../../sdk/runtime';
import connector from '../../connector';
import {
  exportCredential,
  importJson,
  n8nCli,
  nodeItems,
  parseRawOutput,
} from '../../tools/n8n/n8n-process';
import {
  DEMO_CREDENTIAL,
  EXAMPLE_WORKFLOWS,
  exampleWorkflow,
  manualWorkflow,
} from '../../tools/n8n/workflows';
import { expectRunOk, secretsOf, setUpN8nSuite } from './n8n-suite';
import type { N8nSuite } from './n8n-suite';

let suite: N8nSuite;

beforeAll(async () => {
  suite = await setUpN8nSuite();
  await importJson(suite.home, 'workflow', [
    manualWorkflow({
      id: 'wfSearchApproval',
      parameters: {
        operation: 'search_inbox_tasks',
        additionalFields: { step_type: 'Approval', status: 'Awaiting Action' },
      },
    }),
    manualWorkflow({
      id: 'wfPostJournal001',
      parameters: {
        operation: 'post_journal_entry',
        company: 'GMS_USA',
        currency: 'USD',
        accounting_date: '2026-03-31',
        journal_source: 'Integration',
        lines: {
          values: [
            { ledger_account: '6000', debit: '125.40', memo: 'Travel' },
            { ledger_account: '2100', credit: '125.40' },
          ],
        },
        additionalFields: { journal_id: 'JE-N8N-HEADLESS-1', memo: 'Posted from n8n' },
      },
    }),
    ...EXAMPLE_WORKFLOWS.map((name) => exampleWorkflow(name)),
  ]);
}, 300_000);

afterAll(async () => {
  await suite?.close();
});

async function execute(id: string) {
  const outcome = await n8nCli(suite.home, ['execute', `--id=${id}`, '--rawOutput']);
  for (const secret of secretsOf(suite.connection)) {
    expect(outcome.stdout).not.toContain(secret);
    expect(outcome.stderr).not.toContain(secret);
  }
  return outcome;
}

/** The same search run by the connector's own session, outside n8n. */
async function searchDirectly(): Promise<string[]> {
  const session = createSession(connector, { connection: suite.connection });
  try {
    const out = (await session.runAction('search_inbox_tasks', {
      step_type: 'Approval',
      status: 'Awaiting Action',
    })) as { tasks: Array<{ id: string }> };
    return out.tasks.map((task) => task.id);
  } finally {
    session.close();
  }
}

describe('n8n execute with the generated Workday node', () => {
  let approvalIds: string[] = [];

  it('searches: one n8n item per task, the same tasks the connector finds on its own', async () => {
    const outcome = await execute('wfSearchApproval');
    expectRunOk(outcome);
    const items = nodeItems(parseRawOutput(outcome.stdout), 'Workday');
    approvalIds = items.map((item) => String(item.id));
    expect(approvalIds.length).toBeGreaterThan(1);
    expect(approvalIds).toEqual(await searchDirectly());
    expect(
      items.every((item) => (item.stepType as { descriptor: string }).descriptor === 'Approval'),
    ).toBe(true);
  }, 120_000);

  it('stores the access token it obtained in the n8n credential and reuses it', async () => {
    const stored = await exportCredential(suite.home, DEMO_CREDENTIAL.id);
    expect(typeof stored.accessToken).toBe('string');
    expect(String(stored.accessToken).length).toBeGreaterThan(10);
    const before = (await suite.sandbox.state()).tokenRequests.refresh_token;
    expectRunOk(await execute('wfSearchApproval'));
    expect((await suite.sandbox.state()).tokenRequests.refresh_token).toBe(before);
  }, 120_000);

  it('approves a task once: the sandbox applies it once and a second run is a conflict', async () => {
    const taskId = approvalIds[0] ?? '';
    await importJson(suite.home, 'workflow', [
      manualWorkflow({
        id: 'wfApproveTask001',
        parameters: {
          operation: 'approve_reject_inbox_task',
          inbox_task_id: taskId,
          decision: 'approve',
          additionalFields: { comment: 'Approved from n8n' },
        },
      }),
    ]);
    const before = await suite.sandbox.state();
    const first = await execute('wfApproveTask001');
    expectRunOk(first);
    expect(nodeItems(parseRawOutput(first.stdout), 'Workday')).toEqual([
      expect.objectContaining({ id: taskId, decision: 'approve' }),
    ]);
    const after = await suite.sandbox.state();
    const awaiting = (state: typeof before) => state.inboxTasks.acme_us?.['Awaiting Action'] ?? 0;
    const done = (state: typeof before) =>
      state.inboxTasks.acme_us?.['Successfully Completed'] ?? 0;
    expect(awaiting(before) - awaiting(after)).toBe(1);
    expect(done(after) - done(before)).toBe(1);

    const second = await execute('wfApproveTask001');
    expect(second.code).not.toBe(0);
    expect(`${second.stdout}${second.stderr}`).toMatch(
      /no longer awaiting action|Successfully Completed/i,
    );
    expect(done(await suite.sandbox.state())).toBe(done(after));
  }, 180_000);

  it('posts a journal once: the rerun returns the booked journal as a duplicate', async () => {
    const journals = async () => (await suite.sandbox.state()).journals.acme_us ?? 0;
    const before = await journals();
    const first = await execute('wfPostJournal001');
    expectRunOk(first);
    expect(nodeItems(parseRawOutput(first.stdout), 'Workday')).toEqual([
      expect.objectContaining({
        journal_id: 'JE-N8N-HEADLESS-1',
        duplicate: false,
        line_count: 2,
        total_debit: '125.40',
      }),
    ]);
    expect(await journals()).toBe(before + 1);
    const second = await execute('wfPostJournal001');
    expect(nodeItems(parseRawOutput(second.stdout), 'Workday')).toEqual([
      expect.objectContaining({ journal_id: 'JE-N8N-HEADLESS-1', duplicate: true }),
    ]);
    expect(await journals()).toBe(before + 1);
  }, 180_000);

  it('turns a refused input into an error item under "continue on fail", naming the field', async () => {
    await importJson(suite.home, 'workflow', [
      manualWorkflow({
        id: 'wfUnbalanced0001',
        onError: 'continueRegularOutput',
        parameters: {
          operation: 'post_journal_entry',
          company: 'GMS_USA',
          currency: 'USD',
          accounting_date: '2026-02-30',
          journal_source: 'Integration',
          lines: {
            values: [
              { ledger_account: '6000', debit: '10.00' },
              { ledger_account: '2100', credit: '9.00' },
            ],
          },
        },
      }),
    ]);
    const journals = (await suite.sandbox.state()).journals.acme_us;
    const outcome = await execute('wfUnbalanced0001');
    expectRunOk(outcome);
    const [item] = nodeItems(parseRawOutput(outcome.stdout), 'Workday');
    expect(item).toMatchObject({ code: 'invalid_input' });
    expect(String(item?.error)).toMatch(/accounting_date/);
    expect((await suite.sandbox.state()).journals.acme_us).toBe(journals);
  }, 120_000);
});

describe('tokens in the n8n credential', () => {
  it('refreshes through the credential when the access token expired, and stores the new token', async () => {
    const old = String((await exportCredential(suite.home, DEMO_CREDENTIAL.id)).accessToken);
    const before = (await suite.sandbox.state()).tokenRequests.refresh_token;
    suite.sandbox.setFaults({ expireAccessTokens: true });
    const outcome = await execute('wfSearchApproval');
    expectRunOk(outcome);
    expect((await suite.sandbox.state()).tokenRequests.refresh_token).toBe(before + 1);
    const renewed = String((await exportCredential(suite.home, DEMO_CREDENTIAL.id)).accessToken);
    expect(renewed).not.toBe(old);
    expect(renewed.length).toBeGreaterThan(10);
    // The stored token is the one that works now: the next run makes no token request.
    suite.sandbox.setFaults({});
    expectRunOk(await execute('wfSearchApproval'));
    expect((await suite.sandbox.state()).tokenRequests.refresh_token).toBe(before + 1);
  }, 180_000);

  it('names "Manage Refresh Tokens for Integrations" when the refresh token is revoked', async () => {
    const stored = await exportCredential(suite.home, DEMO_CREDENTIAL.id);
    suite.sandbox.setFaults({ expireAccessTokens: true, revokeRefreshTokens: true });
    const outcome = await execute('wfSearchApproval');
    expect(outcome.code).not.toBe(0);
    const printed = `${outcome.stdout}\n${outcome.stderr}`;
    expect(printed).toContain('Manage Refresh Tokens for Integrations');
    expect(printed).toMatch(/refresh token/i);
    for (const secret of secretsOf(suite.connection, [stored.accessToken]))
      expect(printed).not.toContain(secret);
  }, 120_000);
});
