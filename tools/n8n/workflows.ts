/**
 * The workflows and credentials the n8n tests and the demo import: the example workflows of
 * `fixtures/n8n/`, small manual-trigger workflows around one node, and a credential made from a
 * connection of the settings file (the sandbox's).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import connector from '../../connector';
import { n8nNames } from '../../platforms/n8n';
import { describeConnector } from '../../platforms/shared';
import type { AnyConnector } from '../../platforms/shared';
import { repoRoot } from './n8n-process';

const model = describeConnector(connector as unknown as AnyConnector);
const names = n8nNames(model);

/** The node types of the generated package. */
export const NODE_TYPE = `${names.packageName}.${names.nodeName}`;
export const TRIGGER_TYPE = `${names.packageName}.${names.triggerName}`;
/** The credential type of the ISU (refresh-token) option. */
export const ISU_CREDENTIAL_TYPE =
  names.credentials.refresh_token?.name ?? 'workdayRefreshTokenApi';
/** The credential id and name the example workflows refer to. */
export const DEMO_CREDENTIAL = { id: 'workdayIsuDemo01', name: 'Workday (ISU)' };

/** An n8n credential (for `n8n import:credentials`) holding one ISU connection. */
export function isuCredential(
  connection: Record<string, unknown>,
  ref: { id: string; name: string } = DEMO_CREDENTIAL,
): Record<string, unknown> {
  const { auth_type: _authType, authorization_endpoint: _authorization, ...data } = connection;
  return { ...ref, type: ISU_CREDENTIAL_TYPE, data };
}

/** The example workflows in `fixtures/n8n/`, by file stem. */
export const EXAMPLE_WORKFLOWS = [
  'approve-from-webhook',
  'post-journal-from-webhook',
  'inbox-task-rule',
] as const;

/** Reads an example workflow from `fixtures/n8n/`. */
export function exampleWorkflow(name: (typeof EXAMPLE_WORKFLOWS)[number]): Record<string, unknown> {
  const file = path.join(repoRoot(), 'fixtures', 'n8n', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Options of {@link manualWorkflow}. */
export interface ManualWorkflowOptions {
  id: string;
  /** The Workday node's parameters (authentication defaults to the ISU option). */
  parameters: Record<string, unknown>;
  /** `continueRegularOutput` turns errors into output items (n8n's "continue on fail"). */
  onError?: 'continueRegularOutput';
  credential?: { id: string; name: string };
}

/** Manual trigger -> one Workday node named "Workday": what `n8n execute` runs. */
export function manualWorkflow(options: ManualWorkflowOptions): Record<string, unknown> {
  return {
    id: options.id,
    name: `Test ${options.id}`,
    active: false,
    nodes: [
      {
        id: 'start',
        name: 'Start',
        type: 'n8n-nodes-base.manualTrigger',
        typeVersion: 1,
        position: [0, 0],
        parameters: {},
      },
      {
        id: 'workday',
        name: 'Workday',
        type: NODE_TYPE,
        typeVersion: 1,
        position: [240, 0],
        parameters: { authentication: 'refresh_token', ...options.parameters },
        credentials: { [ISU_CREDENTIAL_TYPE]: options.credential ?? DEMO_CREDENTIAL },
        ...(options.onError === undefined ? {} : { onError: options.onError }),
      },
    ],
    connections: { Start: { main: [[{ node: 'Workday', type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
    pinData: {},
  };
}
