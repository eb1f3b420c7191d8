import { z } from 'zod';
import { ConnectorError } from '../sdk/errors';

/**
 * Zod schemas of the Workday REST objects the connector reads (common v1). They keep the
 * fields the connector uses and drop the rest; optional fields absent in real payloads (an
 * inbox task without `initiator`, a `stepType` without `href`) are optional here.
 */

/** A Workday instance reference: `{ id, descriptor?, href? }` (INSTANCE_MODEL_REFERENCE). */
export const workdayReferenceSchema = z.object({
  id: z.string().meta({ label: 'ID', hint: 'Workday ID (WID) or reference ID.' }),
  descriptor: z.string().optional().meta({ label: 'Name', hint: 'Display name in Workday.' }),
  href: z.string().optional().meta({ label: 'URL', hint: 'REST URL of the instance.' }),
});

/** A parsed {@link workdayReferenceSchema}. */
export type WorkdayReference = z.output<typeof workdayReferenceSchema>;

const reference = (label: string, hint: string) => workdayReferenceSchema.meta({ label, hint });

/** One inbox task (InboxTaskSummary of `workers/{id}/inboxTasks`). */
export const inboxTaskSchema = z.object({
  id: z.string().meta({ label: 'Task ID', hint: 'Workday ID of the inbox task.' }),
  descriptor: z.string().meta({ label: 'Task', hint: 'e.g. "Approval by Manager".' }),
  href: z.string().optional().meta({ label: 'Task URL', hint: 'REST URL of the inbox task.' }),
  stepType: reference(
    'Step type',
    'e.g. Approval, To Do, Review; only Approval steps can be approved or denied.',
  ),
  status: reference('Status', 'e.g. Awaiting Action.'),
  subject: reference('Subject', 'The worker or object the business process is about.'),
  overallProcess: reference('Business process', 'e.g. "Absence Request: Ashton Burns".'),
  initiator: reference(
    'Initiator',
    'Who started the business process, when Workday says.',
  ).optional(),
  assigned: z.string().meta({
    label: 'Assigned',
    hint: 'When the task was assigned (a date or an ISO date-time).',
  }),
  due: z.string().optional().meta({ label: 'Due', hint: 'Due date, YYYY-MM-DD.' }),
});

/** A parsed {@link inboxTaskSchema}. */
export type InboxTask = z.output<typeof inboxTaskSchema>;

/** One worker (common v1 `workers`). */
export const workerSchema = z.object({
  id: z.string().meta({ label: 'Worker ID', hint: 'Workday ID (WID) of the worker.' }),
  descriptor: z.string().meta({ label: 'Name', hint: 'The worker’s display name.' }),
  href: z.string().optional().meta({ label: 'Worker URL', hint: 'REST URL of the worker.' }),
  primaryWorkEmail: z.string().optional().meta({ label: 'Work email' }),
  primaryWorkPhone: z.string().optional().meta({ label: 'Work phone' }),
  businessTitle: z.string().optional().meta({ label: 'Business title' }),
  isManager: z.boolean().optional().meta({ label: 'Is manager' }),
  primarySupervisoryOrganization: reference(
    'Supervisory organization',
    'The worker’s primary supervisory organization.',
  ).optional(),
});

/** A parsed {@link workerSchema}. */
export type Worker = z.output<typeof workerSchema>;

/** The envelope of every v1 collection: `{ total, data: [...] }`. */
export const collectionEnvelopeSchema = z.object({
  total: z.number().int().nonnegative().optional(),
  data: z.array(z.unknown()),
});

/** A collection page whose items are not yet checked. */
export interface CollectionEnvelope {
  total?: number;
  data: unknown[];
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'has an unexpected shape';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `"${path}" ${issue.message}`;
}

/**
 * Checks a collection response: `data` must be an array, `total` (when present) a
 * non-negative integer.
 * @param what names the collection in the error, e.g. `inboxTasks`
 * @throws ConnectorError `unexpected_response`
 */
export function parseCollectionEnvelope(body: unknown, what: string): CollectionEnvelope {
  const parsed = collectionEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    throw new ConnectorError(
      'unexpected_response',
      `The Workday "${what}" response is not a collection ({total, data}): ${firstIssue(parsed.error)}.`,
    );
  }
  return parsed.data.total === undefined
    ? { data: parsed.data.data }
    : { total: parsed.data.total, data: parsed.data.data };
}

/**
 * Returns a checker for one item of `schema`, for `fetchCollection`'s `parse` option.
 * @throws ConnectorError `unexpected_response` naming the item's first problem
 */
export function itemParser<S extends z.ZodType>(
  schema: S,
  what: string,
): (item: unknown) => z.output<S> {
  return (item) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return parsed.data;
    throw new ConnectorError(
      'unexpected_response',
      `A Workday "${what}" item has an unexpected shape: ${firstIssue(parsed.error)}.`,
    );
  };
}
