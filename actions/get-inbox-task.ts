import { z } from 'zod';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { fetchInboxTask, INBOX_TASK_ID_PATTERN, SAMPLE_INBOX_TASK } from '../workday/inbox-tasks';
import { inboxTasksProbe } from '../workday/probes';
import { inboxTaskSchema } from '../workday/schemas';

const inputFields = z.object({
  inbox_task_id: z
    .string()
    .trim()
    .regex(INBOX_TASK_ID_PATTERN, 'must be a Workday ID such as fc844b7a8f6f813f79efb5ffd6115505')
    .meta({
      label: 'Inbox task ID',
      hint: 'Workday ID of the inbox task, e.g. the Task ID output of Search inbox tasks or New inbox task.',
      sticky: true,
    }),
});

/** Reads one inbox task by its Workday ID. */
export const getInboxTask = defineAction({
  title: 'Get inbox task',
  subtitle: 'Read one inbox task by ID',
  description: 'Gets one inbox task of the connected user by its Workday ID.',
  scopes: [FUNCTIONAL_AREAS.tenantNonConfigurable],
  probes: [inboxTasksProbe],
  input_fields: inputFields,
  output_fields: inboxTaskSchema,
  execute: ({ connection, http, input }) =>
    fetchInboxTask(http, parseWorkdayEndpoints(connection), input.inbox_task_id),
  sample_output: SAMPLE_INBOX_TASK,
});
