/**
 * Workday REST JSON shapes of sandbox records (workday-payloads.md §1 and §5): instance
 * references `{id, descriptor, href}`, step type and status without href.
 */
import type { FastifyRequest } from 'fastify';
import { STATUS_IDS, STEP_TYPE_IDS } from './constants';
import type { WorkerFixture } from './fixtures';
import type { TenantData } from './store';
import type { InboxTaskRecord } from './types';

/** An instance reference. */
export interface InstanceReference {
  id: string;
  descriptor: string;
  href?: string;
}

/** Guess: overallProcess hrefs by process kind; only `timeOffRequest` is seen in public fixtures. */
const PROCESS_RESOURCES: Readonly<Record<string, string>> = {
  'Absence Request': 'timeOffRequest',
};

/**
 * The REST base that hrefs point at: the host the caller used and the service path, by default
 * the common v1 alias (guess: Workday's hrefs use the host of the request).
 */
export function apiBase(request: FastifyRequest, tenant: string, service = 'v1'): string {
  return `http://${request.headers.host ?? '127.0.0.1'}/ccx/api/${service}/${tenant}`;
}

function workerReference(data: TenantData, workerId: string, base: string): InstanceReference {
  const worker = data.workers.get(workerId);
  return {
    id: workerId,
    descriptor: worker?.descriptor ?? '',
    href: `${base}/workers/${workerId}`,
  };
}

/** A worker as `GET workers` and `GET workers/{id}` return it. */
export function presentWorker(data: TenantData, worker: WorkerFixture, base: string): unknown {
  const org = data.organizations.get(worker.primarySupervisoryOrganization);
  return {
    id: worker.id,
    descriptor: worker.descriptor,
    href: `${base}/workers/${worker.id}`,
    isManager: worker.isManager,
    ...(worker.primaryWorkEmail === undefined ? {} : { primaryWorkEmail: worker.primaryWorkEmail }),
    businessTitle: worker.businessTitle,
    primarySupervisoryOrganization: {
      id: worker.primarySupervisoryOrganization,
      descriptor: org?.descriptor ?? '',
      href: `${base}/supervisoryOrganizations/${worker.primarySupervisoryOrganization}`,
    },
  };
}

/** An inbox task as the inbox collection and the single GET return it. */
export function presentInboxTask(data: TenantData, task: InboxTaskRecord, base: string): unknown {
  const resource = PROCESS_RESOURCES[task.overallProcess.kind];
  return {
    id: task.id,
    descriptor: task.descriptor,
    href: `${base}/inboxTasks/${task.id}`,
    assigned: task.assigned,
    due: task.due,
    initiator: workerReference(data, task.initiatorWorkerId, base),
    stepType: { id: STEP_TYPE_IDS[task.stepType] ?? '', descriptor: task.stepType },
    status: { id: STATUS_IDS[task.status] ?? '', descriptor: task.status },
    overallProcess: {
      id: task.overallProcess.id,
      descriptor: task.overallProcess.descriptor,
      ...(resource === undefined ? {} : { href: `${base}/${resource}/${task.overallProcess.id}` }),
    },
    subject: workerReference(data, task.subjectWorkerId, base),
  };
}
