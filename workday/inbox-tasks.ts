import { z } from 'zod';
import type { HttpClient } from '../sdk/define';
import { ConnectorError, isConnectorError } from '../sdk/errors';
import { WORKDAY_ID_PATTERN } from './constants';
import type { WorkdayEndpoints } from './endpoints';
import { inboxTaskSchema, itemParser, parseCollectionEnvelope } from './schemas';
import type { InboxTask } from './schemas';

/** The step type whose tasks can be approved or denied (Workato: stepType descriptor "Approval"). */
export const APPROVAL_STEP_TYPE = 'Approval';

/** The status of a task that still waits for its assignee. */
export const AWAITING_ACTION_STATUS = 'Awaiting Action';

/** Checks one inbox task from Workday; `unexpected_response` naming its first problem. */
export const parseInboxTask: (item: unknown) => InboxTask = itemParser(
  inboxTaskSchema,
  'inboxTasks',
);

/** The `inbox_task_id` input of the inbox-task actions, checked before any call. */
export const inboxTaskIdField = z
  .string()
  .trim()
  .regex(WORKDAY_ID_PATTERN, 'must be a Workday ID such as fc844b7a8f6f813f79efb5ffd6115505')
  .meta({
    label: 'Inbox task ID',
    hint: 'Workday ID of the inbox task, e.g. the Task ID output of Search inbox tasks or New inbox task.',
    sticky: true,
  });

/**
 * `GET common/v1/{tenant}/inboxTasks/{id}`, checked.
 * @throws ConnectorError `not_found` naming the id when Workday answers 404
 */
export async function fetchInboxTask(
  http: HttpClient,
  endpoints: WorkdayEndpoints,
  id: string,
): Promise<InboxTask> {
  try {
    return parseInboxTask(
      await http.get(endpoints.commonPath(`inboxTasks/${encodeURIComponent(id)}`)),
    );
  } catch (error: unknown) {
    if (isConnectorError(error) && error.code === 'not_found') {
      throw new ConnectorError(
        'not_found',
        `Inbox task "${id}" was not found in the connected user's inbox.`,
        {
          hint: 'Check the ID; an inbox task is visible only to the user it is assigned to.',
          details: error.details,
          cause: error,
        },
      );
    }
    throw error;
  }
}

/**
 * Checks one page of `workers/{id}/inboxTasks`. Workday's inbox always sends `total`; without
 * it a page cannot be placed in the collection, so it is refused.
 * @throws ConnectorError `unexpected_response`
 */
export function inboxTaskPageOf(body: unknown): { total: number; items: InboxTask[] } {
  const page = parseCollectionEnvelope(body, 'inboxTasks');
  if (page.total === undefined) {
    throw new ConnectorError(
      'unexpected_response',
      'The Workday "inboxTasks" response has no "total"; the inbox cannot be paged reliably.',
    );
  }
  return { total: page.total, items: page.data.map(parseInboxTask) };
}

/** A realistic inbox task, Workday-shaped (VMware's captured fixture, re-keyed). */
export const SAMPLE_INBOX_TASK: InboxTask = {
  id: 'fc844b7a8f6f813f79efb5ffd6115505',
  descriptor: 'Approval by Manager',
  href: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme/inboxTasks/fc844b7a8f6f813f79efb5ffd6115505',
  stepType: { id: 'd8c8920e446c11de98360015c5e6daf6', descriptor: 'Approval' },
  status: { id: 'd9e4108c446c11de98360015c5e6daf6', descriptor: 'Awaiting Action' },
  subject: {
    id: '1a6228638d1401a7e91052d2b14af008',
    descriptor: 'Ashton Burns',
    href: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme/workers/1a6228638d1401a7e91052d2b14af008',
  },
  overallProcess: {
    id: 'fc844b7a8f6f01580738a5ffd6115105',
    descriptor: 'Absence Request: Ashton Burns',
    href: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme/timeOffRequest/fc844b7a8f6f01580738a5ffd6115105',
  },
  initiator: {
    id: '1a6228638d1401a7e91052d2b14af008',
    descriptor: 'Ashton Burns',
    href: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme/workers/1a6228638d1401a7e91052d2b14af008',
  },
  assigned: '2026-03-24T05:32:49.001Z',
  due: '2026-03-26',
};
