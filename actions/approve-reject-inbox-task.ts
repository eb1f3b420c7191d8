import { z } from 'zod';
import type { HttpClient } from '../sdk/define';
import { ConnectorError, isConnectorError } from '../sdk/errors';
import type { ErrorCode } from '../sdk/errors';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import type { WorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import {
  APPROVAL_STEP_TYPE,
  AWAITING_ACTION_STATUS,
  fetchInboxTask,
  inboxTaskIdField,
} from '../workday/inbox-tasks';
import { inboxTasksProbe } from '../workday/probes';
import { workdayReferenceSchema } from '../workday/schemas';
import { closedSet, INBOX_STEP_TYPES } from '../workday/inbox-values';

// Workday's texts for "already acted on": A212 "This event step is not awaiting your action."
// (businessProcess v1 spec); the sandbox says "... because its status is 'Denied'".
const NOT_AWAITING = /not awaiting|no longer awaiting|because its status is/i;
const STATUS_IN_TEXT = /status is '([^']+)'/i;

/** The status a task reaches when a decision is applied (as the inbox lists it). */
const DECIDED_STATUS = { approve: 'Successfully Completed', reject: 'Denied' } as const;

/** Failures after which the decision may or may not have been applied. */
const UNKNOWN_OUTCOME: ReadonlySet<ErrorCode> = new Set([
  'transport',
  'remote_error',
  'unexpected_response',
]);

const inputFields = z
  .object({
    inbox_task_id: inboxTaskIdField,
    decision: z.enum(['approve', 'reject']).meta({
      label: 'Decision',
      hint: 'approve sends the task on; reject denies it (a comment is required to reject).',
      control_type: 'select',
      sticky: true,
    }),
    comment: z.string().trim().optional().meta({
      label: 'Comment',
      hint: 'Shown in the business process history. Required to reject.',
      control_type: 'text-area',
      sticky: true,
    }),
    step_type: closedSet(INBOX_STEP_TYPES)
      .optional()
      .meta({
        label: 'Step type',
        hint:
          "The task's step type if already known (e.g. from New inbox task): saves one read, and " +
          'the value is trusted as given, so map it from the task itself. Only Approval tasks can ' +
          'be approved or rejected.',
      }),
    // A whole task from an earlier step carries every task field; only these are read, so the
    // rest is accepted (a loose object) rather than refused as unknown keys.
    task: z
      .looseObject({
        id: z.string().optional(),
        stepType: workdayReferenceSchema.partial().optional(),
        status: workdayReferenceSchema.partial().optional(),
      })
      .optional()
      .meta({
        label: 'Task',
        hint: 'The whole task from an earlier step (New inbox task, Get inbox task): its step type and status are used instead of reading the task again.',
      }),
  })
  .superRefine((input, ctx) => {
    if (input.decision === 'reject' && (input.comment ?? '') === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: 'is required to reject a task; Workday records it as the reason',
      });
    }
    if (input.task?.id !== undefined && input.task.id !== input.inbox_task_id) {
      ctx.addIssue({
        code: 'custom',
        path: ['task', 'id'],
        message: `is "${input.task.id}" but the inbox task ID is "${input.inbox_task_id}"`,
      });
    }
  });

type Input = z.output<typeof inputFields>;

/**
 * After a PUT whose answer was lost, reads the task back: decided as asked means the decision
 * was applied (returned as confirmed), still awaiting action means it was not (the original
 * error, now safe to retry). Another person deciding in that same moment would look the same as
 * our own approval: the read cannot tell them apart.
 */
async function confirmByLookup(
  http: HttpClient,
  endpoints: WorkdayEndpoints,
  input: Input,
  failure: ConnectorError,
): Promise<{ id: string; descriptor: string; href?: string }> {
  let task;
  try {
    task = await fetchInboxTask(http, endpoints, input.inbox_task_id);
  } catch {
    throw new ConnectorError(
      failure.code,
      `Workday did not answer the decision on inbox task "${input.inbox_task_id}" and the task could not be read back: ${failure.message}`,
      {
        hint: 'Read the task with Get inbox task before deciding again: the decision may have been applied.',
        details: failure.details,
        cause: failure,
      },
    );
  }
  const status = task.status.descriptor;
  if (status === DECIDED_STATUS[input.decision])
    return {
      id: task.id,
      descriptor: task.descriptor,
      ...(task.href === undefined ? {} : { href: task.href }),
    };
  if (status === AWAITING_ACTION_STATUS)
    throw new ConnectorError(failure.code, failure.message, {
      hint: 'The task was read back and is still awaiting action: the decision was not applied, so it is safe to run the action again.',
      details: failure.details,
      cause: failure,
    });
  throw conflict(input.inbox_task_id, status, failure);
}

/** Step type and status as far as the input tells them (an Approval); else as the task says. */
async function knownState(
  http: HttpClient,
  endpoints: WorkdayEndpoints,
  input: Input,
): Promise<{ stepType: string; status?: string }> {
  const stepType = input.step_type ?? input.task?.stepType?.descriptor;
  // Only a given Approval saves the read: any other given value is checked against the task, so
  // a refusal quotes the task's own step type, never a mapping mistake in the recipe.
  if (stepType === APPROVAL_STEP_TYPE) {
    const status = input.task?.status?.descriptor;
    return status === undefined ? { stepType } : { stepType, status };
  }
  const task = await fetchInboxTask(http, endpoints, input.inbox_task_id);
  const fresh = { stepType: task.stepType.descriptor ?? '' };
  return task.status.descriptor === undefined
    ? fresh
    : { ...fresh, status: task.status.descriptor };
}

function conflict(id: string, status: string | undefined, cause?: unknown): ConnectorError {
  const state = status === undefined ? 'is no longer awaiting action' : `has status "${status}"`;
  return new ConnectorError(
    'conflict',
    `Inbox task "${id}" ${state}, so it cannot be approved or rejected any more.`,
    {
      hint: 'Someone already acted on it, or it was cancelled; read it again with Get inbox task.',
      ...(cause === undefined ? {} : { cause }),
      ...(status === undefined ? {} : { details: { taskStatus: status } }),
    },
  );
}

/** Approves or rejects (denies) an Approval inbox task. */
export const approveRejectInboxTask = defineAction({
  title: 'Approve or reject inbox task',
  subtitle: 'Act on an Approval step in the Workday inbox',
  description: 'Approves or rejects an inbox task whose step type is Approval.',
  help:
    'Only tasks with step type Approval that are Awaiting Action can be approved or rejected. ' +
    'The decision is sent once: it is never repeated automatically.',
  scopes: [FUNCTIONAL_AREAS.tenantNonConfigurable],
  probes: [inboxTasksProbe],
  // The PUT changes a business process: only reads are retried.
  retry_on_request: ['GET'],
  input_fields: inputFields,
  output_fields: z.object({
    id: z.string().meta({ label: 'Task ID', hint: 'Workday ID of the inbox task.' }),
    descriptor: z.string().meta({ label: 'Task', hint: 'e.g. "Approval by Manager".' }),
    href: z.string().optional().meta({ label: 'Task URL' }),
    decision: z.enum(['approve', 'reject']).meta({ label: 'Decision' }),
    confirmed_by_lookup: z.boolean().optional().meta({
      label: 'Confirmed by lookup',
      hint: "True when Workday's answer was lost and the decision was confirmed by reading the task back.",
    }),
  }),
  async execute({ connection, http, input }) {
    const endpoints = parseWorkdayEndpoints(connection);
    const id = input.inbox_task_id;
    const state = await knownState(http, endpoints, input);
    if (state.stepType !== APPROVAL_STEP_TYPE) {
      throw new ConnectorError(
        'invalid_input',
        `Inbox task "${id}" has step type "${state.stepType}"; only tasks with step type "${APPROVAL_STEP_TYPE}" can be approved or rejected.`,
        {
          hint: 'Filter on step type Approval first (Search inbox tasks or New inbox task with Step type = Approval).',
          details: {
            issues: [{ path: 'inbox_task_id', message: `has step type "${state.stepType}"` }],
          },
        },
      );
    }
    if (state.status !== undefined && state.status !== AWAITING_ACTION_STATUS) {
      throw conflict(id, state.status);
    }
    try {
      const body: unknown = await http.put(
        endpoints.commonPath(`inboxTasks/${encodeURIComponent(id)}`),
        input.comment === undefined || input.comment === '' ? {} : { comment: input.comment },
        { type: input.decision === 'approve' ? 'approval' : 'denial' },
      );
      const result = workdayReferenceSchema.safeParse(body);
      if (!result.success) {
        throw new ConnectorError(
          'unexpected_response',
          `Workday's answer to the decision on inbox task "${id}" has no id.`,
        );
      }
      return {
        id: result.data.id,
        descriptor: result.data.descriptor ?? '',
        ...(result.data.href === undefined ? {} : { href: result.data.href }),
        decision: input.decision,
      };
    } catch (error: unknown) {
      if (isConnectorError(error) && UNKNOWN_OUTCOME.has(error.code)) {
        const confirmed = await confirmByLookup(http, endpoints, input, error);
        return { ...confirmed, decision: input.decision, confirmed_by_lookup: true };
      }
      if (isConnectorError(error) && error.code === 'remote_validation') {
        const texts = [
          error.message,
          ...(error.details.remoteMessages ?? []).map((m) => m.message),
        ];
        if (texts.some((text) => NOT_AWAITING.test(text))) {
          const status = texts.map((text) => STATUS_IN_TEXT.exec(text)?.[1]).find(Boolean);
          throw conflict(id, status, error);
        }
      }
      throw error;
    }
  },
  sample_output: {
    id: 'fc844b7a8f6f813f79efb5ffd6115505',
    descriptor: 'Approval by Manager',
    href: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme/inboxTasks/fc844b7a8f6f813f79efb5ffd6115505',
    decision: 'approve',
  },
});
