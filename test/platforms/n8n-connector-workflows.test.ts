/**
 * The other connectors' example workflows (`fixtures/n8n/`) fit the nodes generated from their
 * connector objects: node type, credential type, authentication and operation values, and every
 * parameter the workflow sets is one the node shows for that operation (parameter names get an
 * operation prefix when two operations share a field name of different shape).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import infor from '../../connectors/infor-ion/connector';
import ukg from '../../connectors/ukg-pro/connector';
import workiva from '../../connectors/workiva/connector';
import { describeActionNode, describeCredentials, n8nNames } from '../../platforms/n8n';
import { describeConnector } from '../../platforms/shared';
import type { AnyConnector } from '../../platforms/shared';

interface WorkflowNode {
  type: string;
  parameters: Record<string, unknown>;
  credentials?: Record<string, unknown>;
}

const cases = [
  ['infor-ion-batch-status', infor],
  ['ukg-pro-search-employees', ukg],
  ['workiva-read-ranges', workiva],
] as const;

it.each(cases)('%s uses the generated node as it is described', (stem, connector) => {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'n8n', `${stem}.json`);
  const workflow = JSON.parse(readFileSync(file, 'utf8')) as { nodes: WorkflowNode[] };
  const model = describeConnector(connector as unknown as AnyConnector);
  const names = n8nNames(model);
  const { description } = describeActionNode(model, names);
  const node = workflow.nodes.find((n) => n.type === `${names.packageName}.${names.nodeName}`);
  expect(node).toBeDefined();
  const { authentication, operation, additionalFields, ...rest } = node?.parameters ?? {};
  const option = String(authentication);
  expect(model.authOptions.map((o) => o.key)).toContain(option);
  expect(Object.keys(node?.credentials ?? {})).toEqual([
    describeCredentials(model, names)[option]?.name,
  ]);
  const shown = description.properties.filter((p) =>
    (p.displayOptions?.show?.operation ?? []).includes(String(operation)),
  );
  const top = shown.filter((p) => p.name !== 'additionalFields').map((p) => p.name);
  for (const required of shown.filter((p) => p.required === true))
    expect(rest).toHaveProperty(required.name);
  for (const name of Object.keys(rest)) expect(top).toContain(name);
  const additional = (shown.find((p) => p.name === 'additionalFields')?.options ?? []) as Array<{
    name: string;
  }>;
  for (const name of Object.keys((additionalFields ?? {}) as object))
    expect(additional.map((p) => p.name)).toContain(name);
});
