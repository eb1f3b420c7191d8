import { z } from 'zod';
import type { HttpClient } from '../sdk/define';
import { defineTrigger } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { inboxTasksProbe } from '../workday/probes';
import { inboxTaskPageOf, SAMPLE_INBOX_TASK } from '../workday/inbox-tasks';
import { inboxTaskSchema } from '../workday/schemas';
import type { InboxTask } from '../workday/schemas';
import { drainInbox, inboxCursorSchema } from './inbox-drain';
import type { DrainPage } from './inbox-drain';

/** How far back the first poll looks when no `since` is given. */
const DEFAULT_LOOKBACK_MS = 24 * 60 * 60 * 1000;

const inputFields = z.object({
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({
      label: 'When first started, this recipe should pick up tasks from',
      hint:
        'Tasks assigned at or after this time are picked up on the first poll. Default: the last ' +
        '24 hours. Later polls continue where the previous one stopped.',
      sticky: true,
    }),
  step_type: z.string().trim().min(1).optional().meta({
    label: 'Step type',
    hint: 'Only tasks of this step type, e.g. Approval, To Do or Review. Leave empty for all.',
    sticky: true,
  }),
});

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
  closure_schema: inboxCursorSchema,
  async poll({ connection, http, input, closure }) {
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
    return { events, next_poll: result.cursor, can_poll_more: result.more };
  },
  dedup: (task) => task.id,
  sample_output: SAMPLE_INBOX_TASK,
});
