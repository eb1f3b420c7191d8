import { z } from 'zod';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { fetchInboxTask, inboxTaskIdField, SAMPLE_INBOX_TASK } from '../workday/inbox-tasks';
import { inboxTasksProbe } from '../workday/probes';
import { inboxTaskSchema } from '../workday/schemas';

const inputFields = z.object({ inbox_task_id: inboxTaskIdField });

/** Reads one inbox task by its Workday ID. */
export const getInboxTask = defineAction({
  title: 'Get inbox task',
  subtitle: 'Read one inbox task by ID',
  description: 'Gets one inbox task of the connected user by its Workday ID.',
  scopes: [FUNCTIONAL_AREAS.tenantNonConfigurable],
  probes: [inboxTasksProbe],
  read_only: true,
  input_fields: inputFields,
  output_fields: inboxTaskSchema,
  execute: ({ connection, http, input }) =>
    fetchInboxTask(http, parseWorkdayEndpoints(connection), input.inbox_task_id),
  sample_output: SAMPLE_INBOX_TASK,
});
