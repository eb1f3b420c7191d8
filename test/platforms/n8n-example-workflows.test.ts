/**
 * The example webhook workflows answer the caller from a "Respond to Webhook" node. In n8n's queue
 * mode (1.123) a webhook in "last node" mode is answered only when the main process sees the
 * worker's Bull job finish, through `job.finished()` on a job added with `removeOnComplete`; a
 * job that a worker finishes before the main process starts waiting is never seen, and the caller
 * waits forever. A Respond to Webhook node's answer travels as a job message instead, to a promise
 * the main process registers before the job is queued.
 */
import { EXAMPLE_WORKFLOWS, exampleWorkflow } from '../../tools/n8n/workflows';

interface WorkflowNode {
  name: string;
  type: string;
  parameters: Record<string, unknown>;
}
interface Workflow {
  nodes: WorkflowNode[];
  connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const webhookExamples = EXAMPLE_WORKFLOWS.map((name) => ({
  name,
  workflow: exampleWorkflow(name) as unknown as Workflow,
})).filter(({ workflow }) => workflow.nodes.some((n) => n.type === 'n8n-nodes-base.webhook'));

it('has webhook examples to check', () => {
  expect(webhookExamples.map(({ name }) => name)).toEqual([
    'approve-from-webhook',
    'post-journal-from-webhook',
  ]);
});

it.each(webhookExamples)(
  '$name answers from a Respond to Webhook node after the Workday node',
  ({ workflow }) => {
    const webhook = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
    expect(webhook?.parameters.responseMode).toBe('responseNode');
    const respond = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.respondToWebhook');
    expect(respond?.parameters.respondWith).toBe('firstIncomingItem');
    const workday = workflow.nodes.find((n) => n.type === 'n8n-nodes-workday.workday');
    const next = workflow.connections[workday?.name ?? '']?.main[0]?.map((c) => c.node);
    expect(next).toEqual([respond?.name]);
  },
);
