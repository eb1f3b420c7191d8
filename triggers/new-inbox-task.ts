import { z } from 'zod';
import type { HttpClient } from '../sdk/define';
import { ConnectorError } from '../sdk/errors';
import { defineTrigger } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { inboxTasksProbe } from '../workday/probes';
import { closedSet, INBOX_STEP_TYPES } from '../workday/inbox-values';
import { inboxTaskPageOf, SAMPLE_INBOX_TASK } from '../workday/inbox-tasks';
import { inboxTaskSchema } from '../workday/schemas';
import type { InboxTask } from '../workday/schemas';
import { drainInbox, inboxCursorSchema } from './inbox-drain';
import type { DrainPage } from './inbox-drain';

/** How far back the first poll looks when no `since` is given. */
const DEFAULT_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** Clock skew allowed between the recipe's clock and ours before a `since` counts as future. */
const SINCE_SKEW_MS = 5 * 60 * 1000;

const inputFields = z.object({
  since: z.iso
    .datetime({
      offset: true,
      error: 'must be an ISO date-time with an offset, e.g. 2026-03-01T00:00:00Z',
    })
    // A since in the future would emit nothing until then while the cursor stays put: refuse it.
    .refine(
      (text) => Date.parse(text) <= Date.now() + SINCE_SKEW_MS,
      'is in the future; tasks are picked up from a past time (leave it empty for the last 24 hours)',
    )
    .optional()
    .meta({
      label: 'When first started, this recipe should pick up tasks from',
      hint:
        'Tasks assigned at or after this time are picked up on the first poll. Default: the last ' +
        '24 hours. Later polls continue where the previous one stopped.',
      sticky: true,
    }),
  step_type: closedSet(INBOX_STEP_TYPES)
    .optional()
    .meta({
      label: 'Step type',
      hint: `Only tasks of this step type: ${INBOX_STEP_TYPES.join(', ')}. Leave empty for all.`,
      sticky: true,
    }),
});

/**
 * The closure: the drain cursor plus the step type filter it was written under. The cursor
 * moves past every task it read, including those the filter left out, so a closure may only be
 * used with the filter it was written under: otherwise tasks of the new step type behind the
 * cursor would never be delivered.
 */
const closureSchema = inboxCursorSchema.extend({
  step_type: closedSet(INBOX_STEP_TYPES).optional(),
});

function assertSameFilter(
  closure: z.output<typeof closureSchema> | undefined,
  stepType: string | undefined,
): void {
  if (closure === undefined || closure.step_type === stepType) return;
  const shown = (value: string | undefined) =>
    value === undefined ? 'all step types' : `step type "${value}"`;
  throw new ConnectorError(
    'invalid_input',
    `The closure was written for ${shown(closure.step_type)}, but the input asks for ${shown(stepType)}: the cursor has moved past tasks that filter left out, so they would never be delivered.`,
    {
      hint: 'Keep the step type the recipe started with, or start afresh without a closure (with since set to how far back to pick tasks up).',
      details: {
        issues: [
          { path: 'step_type', message: `differs from the closure's ${shown(closure.step_type)}` },
        ],
      },
    },
  );
}

function fetcher(http: HttpClient, path: string) {
  return async (offset: number, limit: number): Promise<DrainPage<InboxTask>> => {
    const body = await http.get(path, { offset, limit });
    const { total, items } = inboxTaskPageOf(body);
    return { offset, total, items };
  };
}

/** Polling trigger: one event per inbox task newly assigned to the connection's user, oldest first. */
export const newInboxTask = defineTrigger({
  title: 'New inbox task',
  subtitle: 'Triggers on tasks that arrive in the Workday inbox',
  description: 'Triggers when a task is assigned to the connected user or integration system user.',
  help:
    'Events come oldest first, one per task, never twice. A large backlog is worked through over ' +
    'several polls; tasks that arrive meanwhile are picked up too.',
  scopes: [FUNCTIONAL_AREAS.tenantNonConfigurable],
  probes: [inboxTasksProbe],
  input_fields: inputFields,
  output_fields: inboxTaskSchema,
  closure_schema: closureSchema,
  async poll({ connection, http, input, closure }) {
    assertSameFilter(closure, input.step_type);
    const path = parseWorkdayEndpoints(connection).commonPath('workers/me/inboxTasks');
    const since = input.since ?? new Date(Date.now() - DEFAULT_LOOKBACK_MS).toISOString();
    const result = await drainInbox({
      fetchPage: fetcher(http, path),
      cursor: closure,
      since,
      pagesPerPoll: connection.max_concurrency,
      concurrency: connection.max_concurrency,
    });
    const events =
      input.step_type === undefined
        ? result.items
        : result.items.filter((task) => task.stepType.descriptor === input.step_type);
    const nextPoll = {
      ...result.cursor,
      ...(input.step_type === undefined ? {} : { step_type: input.step_type }),
    };
    return { events, next_poll: nextPoll, can_poll_more: result.more };
  },
  dedup: (task) => task.id,
  sample_output: SAMPLE_INBOX_TASK,
});
