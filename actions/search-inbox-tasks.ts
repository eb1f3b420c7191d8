import { z } from 'zod';
import { fetchCollection } from '../workday/collections';
import { WORKDAY_ID_PATTERN } from '../workday/constants';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { parseInboxTask, SAMPLE_INBOX_TASK } from '../workday/inbox-tasks';
import { closedSet, INBOX_STATUSES, INBOX_STEP_TYPES } from '../workday/inbox-values';
import { inboxTasksProbe } from '../workday/probes';
import { inboxTaskSchema } from '../workday/schemas';
import type { InboxTask } from '../workday/schemas';

const MAX_LIMIT = 1000;
const ISO_DATE_OR_DATETIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

const CLIENT_SIDE =
  "Applied by the connector to the tasks read: Workday's inbox has no such filter, so only " +
  'the newest tasks up to Limit are looked at.';

const inputFields = z.object({
  worker: z
    .string()
    .trim()
    .regex(WORKDAY_ID_PATTERN, 'must be "me" or a worker ID')
    .default('me')
    .meta({
      label: 'Worker',
      hint: 'Whose inbox: "me" (the connected user or integration system user, default) or a worker ID.',
    }),
  step_type: closedSet(INBOX_STEP_TYPES)
    .optional()
    .meta({
      label: 'Step type',
      hint: `Only tasks of this step type: ${INBOX_STEP_TYPES.join(', ')}. ${CLIENT_SIDE}`,
      sticky: true,
    }),
  status: closedSet(INBOX_STATUSES)
    .optional()
    .meta({
      label: 'Status',
      hint: `Only tasks with this status: ${INBOX_STATUSES.join(', ')}. ${CLIENT_SIDE}`,
      sticky: true,
    }),
  assigned_on_or_after: z
    .string()
    .trim()
    .regex(ISO_DATE_OR_DATETIME, 'must be a date YYYY-MM-DD or an ISO date-time')
    .refine((text) => !Number.isNaN(Date.parse(text)), 'is not a real date')
    .optional()
    .meta({
      label: 'Assigned on or after',
      hint: `Only tasks assigned at or after this date or date-time. ${CLIENT_SIDE}`,
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(100)
    .meta({
      label: 'Limit',
      hint: `How many of the newest tasks to read, 1 to ${MAX_LIMIT} (default 100); the filters narrow these down.`,
    }),
});

function matches(
  task: InboxTask,
  input: z.output<typeof inputFields>,
  since: number | undefined,
): boolean {
  if (input.step_type !== undefined && task.stepType.descriptor !== input.step_type) return false;
  if (input.status !== undefined && task.status.descriptor !== input.status) return false;
  if (since !== undefined && !(Date.parse(task.assigned) >= since)) return false;
  return true;
}

/** Lists a worker's inbox tasks, newest first, with optional filters. */
export const searchInboxTasks = defineAction({
  title: 'Search inbox tasks',
  subtitle: 'List tasks in a Workday inbox',
  description: 'Searches the inbox tasks of the connected user, newest first.',
  help:
    'Reads the newest tasks (up to Limit) in pages of 100, several pages at a time, then applies ' +
    'the filters. "Complete" says whether every task that could match was looked at.',
  scopes: [FUNCTIONAL_AREAS.tenantNonConfigurable],
  probes: [inboxTasksProbe],
  read_only: true,
  input_fields: inputFields,
  output_fields: z.object({
    tasks: z.array(inboxTaskSchema).meta({ label: 'Tasks', hint: 'Newest first.', records: true }),
    total: z
      .number()
      .int()
      .meta({ label: 'Tasks in the inbox', hint: "Workday's total before filters." }),
    complete: z.boolean().meta({
      label: 'Complete',
      hint: 'True when every task that could match was read; otherwise raise Limit.',
    }),
  }),
  async execute({ connection, http, input }) {
    const endpoints = parseWorkdayEndpoints(connection);
    const result = await fetchCollection(
      http,
      endpoints.commonPath(`workers/${encodeURIComponent(input.worker)}/inboxTasks`),
      {
        limit: input.limit,
        concurrency: connection.max_concurrency,
        parse: parseInboxTask,
        id: (task) => task.id,
      },
    );
    const since =
      input.assigned_on_or_after === undefined ? undefined : Date.parse(input.assigned_on_or_after);
    const total = result.total ?? result.items.length;
    const oldest = result.items.at(-1);
    // Newest first: once a task older than the cutoff was read, no older one can match.
    const passedCutoff =
      since !== undefined && oldest !== undefined && Date.parse(oldest.assigned) < since;
    return {
      tasks: result.items.filter((task) => matches(task, input, since)),
      total,
      complete: result.complete && (result.items.length >= total || passedCutoff),
    };
  },
  sample_output: { tasks: [SAMPLE_INBOX_TASK], total: 1, complete: true },
});
