/**
 * Real n8n as a server (`n8n start`): owner set-up, an API key, the example workflows activated
 * through n8n's public API. The rule example's polling trigger works through the inbox (its
 * cursor in the workflow's static data), and the webhook examples approve and post journals.
 */
import {
  importJson,
  publicApi,
  setUpOwner,
  startN8nServer,
  waitUntil,
} from '../../tools/n8n/n8n-process';
import type { N8nOwner, N8nProcess } from '../../tools/n8n/n8n-process';
import { EXAMPLE_WORKFLOWS, exampleWorkflow } from '../../tools/n8n/workflows';
import { setUpN8nSuite } from './n8n-suite';
import type { N8nSuite } from './n8n-suite';

interface Execution {
  id: string;
  status: string;
  data?: {
    resultData?: {
      runData?: Record<
        string,
        Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>
      >;
    };
  };
}

let suite: N8nSuite;
let server: N8nProcess;
let owner: N8nOwner;

beforeAll(async () => {
  suite = await setUpN8nSuite();
  await importJson(
    suite.home,
    'workflow',
    EXAMPLE_WORKFLOWS.map((name) => exampleWorkflow(name)),
  );
  server = await startN8nServer(suite.home);
  owner = await setUpOwner(suite.home);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await suite?.close();
});

async function executions(workflowId: string): Promise<Execution[]> {
  const page = await publicApi<{ data: Execution[] }>(
    suite.home,
    owner,
    'GET',
    `executions?workflowId=${workflowId}&includeData=true&limit=100`,
  );
  return page.data.filter(
    (execution) => execution.status !== 'running' && execution.status !== 'new',
  );
}

function itemsOf(execution: Execution, node: string): Array<Record<string, unknown>> {
  const run = execution.data?.resultData?.runData?.[node]?.[0];
  return (run?.data?.main ?? []).flatMap((branch) => branch ?? []).map((item) => item.json);
}

function errorOf(execution: Execution | undefined): unknown {
  const error = (
    execution?.data?.resultData as
      { error?: { message?: string; description?: string; node?: { name?: string } } } | undefined
  )?.error;
  return error === undefined
    ? undefined
    : `${error.node?.name ?? ''}: ${error.message ?? ''} ${error.description ?? ''}`;
}

function statusCount(state: Awaited<ReturnType<N8nSuite['sandbox']['state']>>, status: string) {
  return state.inboxTasks.acme_us?.[status] ?? 0;
}

describe('n8n server with the generated nodes', () => {
  it('polls the inbox: the first poll takes the backlog, the next only the new tasks, each decided by the rule', async () => {
    const before = await suite.sandbox.state();
    await publicApi(suite.home, owner, 'POST', 'workflows/wdInboxTaskRule0/activate');
    const first = await waitUntil(
      'the poll at activation',
      async () => {
        const done = await executions('wdInboxTaskRule0');
        return done.length >= 1 ? done : undefined;
      },
      120_000,
    );
    const backlog = itemsOf(first[0] as Execution, 'New inbox task');
    expect(backlog.length).toBeGreaterThan(0);
    expect({ status: first[0]?.status, error: errorOf(first[0]) }).toEqual({
      status: 'success',
      error: undefined,
    });

    const added = suite.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: 'ISU_Connector_US',
      count: 3,
      stepType: 'Approval',
    });
    const next = await waitUntil(
      'the next poll with the new tasks',
      async () => {
        const done = await executions('wdInboxTaskRule0');
        return done.length >= 2 ? done : undefined;
      },
      150_000,
    );
    const newest = next.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
    const events = itemsOf(newest, 'New inbox task');
    expect(events.map((event) => event.id).sort()).toEqual(added.map((task) => task.id).sort());
    expect({ status: newest.status, error: errorOf(newest) }).toEqual({
      status: 'success',
      error: undefined,
    });
    const decided = [...itemsOf(newest, 'Approve'), ...itemsOf(newest, 'Reject')];
    expect(decided.map((d) => d.id).sort()).toEqual(added.map((task) => task.id).sort());

    const after = await suite.sandbox.state();
    const awaitingBacklog = backlog.filter(
      (task) => (task.status as { descriptor?: string }).descriptor === 'Awaiting Action',
    ).length;
    const approvalsBacklog = awaitingBacklog + added.length;
    const decidedCount =
      statusCount(after, 'Successfully Completed') -
      statusCount(before, 'Successfully Completed') +
      (statusCount(after, 'Denied') - statusCount(before, 'Denied'));
    expect(decidedCount).toBe(approvalsBacklog);
    await publicApi(suite.home, owner, 'POST', 'workflows/wdInboxTaskRule0/deactivate');
  }, 400_000);

  it('approves a task from a webhook call', async () => {
    await publicApi(suite.home, owner, 'POST', 'workflows/wdApproveWebhook/activate');
    const [task] = suite.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: 'ISU_Connector_US',
      count: 1,
      stepType: 'Approval',
    });
    const response = await fetch(`http://127.0.0.1:${suite.home.port}/webhook/workday/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ task_id: task?.id, comment: 'Approved through the webhook' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: task?.id, decision: 'approve' });
  }, 120_000);

  it('posts a journal from a webhook payload once, however often the payload arrives', async () => {
    await publicApi(suite.home, owner, 'POST', 'workflows/wdJournalWebhook/activate');
    const payload = {
      journal_id: 'JE-N8N-WEBHOOK-1',
      company: 'GMS_USA',
      currency: 'USD',
      accounting_date: '2026-03-31',
      journal_source: 'Integration',
      memo: 'From a webhook',
      lines: [
        { ledger_account: '6000', debit: '80.00', memo: 'Taxi' },
        { ledger_account: '2100', credit: '80.00' },
      ],
    };
    const post = () =>
      fetch(`http://127.0.0.1:${suite.home.port}/webhook/workday/journal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
    const before = (await suite.sandbox.state()).journals.acme_us ?? 0;
    const first = await post();
    if (first.status !== 200) {
      const [failed] = await executions('wdJournalWebhook');
      throw new Error(`webhook answered ${first.status}: ${String(errorOf(failed))}`);
    }
    expect(await first.json()).toMatchObject({
      journal_id: 'JE-N8N-WEBHOOK-1',
      duplicate: false,
      total_debit: '80.00',
    });
    const second = await post();
    expect(await second.json()).toMatchObject({ journal_id: 'JE-N8N-WEBHOOK-1', duplicate: true });
    expect((await suite.sandbox.state()).journals.acme_us).toBe(before + 1);
  }, 120_000);
});
