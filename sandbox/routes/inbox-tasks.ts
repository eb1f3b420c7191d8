/**
 * Common v1 inbox tasks: a worker's inbox (newest `assigned` first, completed tasks included —
 * guess), one task, and `PUT inboxTasks/{id}?type=approval|denial` with `{comment}`.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { FUNCTIONAL_AREAS } from '../constants';
import type { RoutePluginOptions, SandboxContext } from '../context';
import { RestError } from '../errors';
import { queryParam, readPage } from '../pagination';
import { apiBase, presentInboxTask } from '../present';
import { authenticateRest } from '../rest-auth';
import type { RestCaller } from '../rest-auth';
import { ROUTE_NAMES } from '../route-names';
import type { InboxTask } from '../inbox-task';

interface WorkerParams {
  tenant: string;
  id: string;
}

function authenticateInbox(
  context: SandboxContext,
  request: FastifyRequest<{ Params: { tenant: string } }>,
): RestCaller {
  return authenticateRest(context, request, request.params.tenant, FUNCTIONAL_AREAS.inbox);
}

/**
 * Resolves `{id}` of `workers/{id}/inboxTasks`: `me` or the caller's own worker id. Guess: an
 * inbox is private, so another existing worker's inbox is a 403.
 */
function resolveInboxOwner(caller: RestCaller, id: string): string {
  const workerId = id === 'me' ? caller.token.workerId : id;
  if (workerId === caller.token.workerId) return workerId;
  if (!caller.tenant.workers.has(workerId)) {
    throw new RestError(404, 'Resource not found.', [`Worker '${workerId}' does not exist.`]);
  }
  throw new RestError(403, 'User has insufficient permissions.', [
    `The inbox of worker '${workerId}' is not visible to the signed-in user.`,
  ]);
}

/** A task the caller may see: only tasks assigned to the caller exist for them (404 otherwise). */
function findOwnTask(caller: RestCaller, taskId: string): InboxTask {
  const task = caller.tenant.inbox.get(taskId);
  if (task === undefined || task.assigneeWorkerId !== caller.token.workerId) {
    throw new RestError(404, 'Resource not found.', [`Inbox task '${taskId}' does not exist.`]);
  }
  return task;
}

function readComment(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new RestError(400, 'invalid request: the body must be a JSON object.');
  }
  const comment: unknown = (body as Record<string, unknown>).comment;
  if (comment === undefined || comment === null) return undefined;
  if (typeof comment !== 'string') {
    throw new RestError(400, "invalid request: 'comment' must be a string.");
  }
  return comment;
}

const inboxTasksRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { context }) => {
  app.get<{ Params: WorkerParams }>(
    '/workers/:id/inboxTasks',
    { config: { sandbox: { routeName: ROUTE_NAMES.workerInboxTasksList, kind: 'rest' } } },
    async (request) => {
      const caller = authenticateInbox(context, request);
      const owner = resolveInboxOwner(caller, request.params.id);
      const { limit, offset } = readPage(request.query);
      const { total, items } = caller.tenant.inbox.page(owner, offset, limit);
      const base = apiBase(request, caller.tenant.tenant);
      return { total, data: items.map((task) => presentInboxTask(caller.tenant, task, base)) };
    },
  );

  app.get<{ Params: WorkerParams & { taskId: string } }>(
    '/workers/:id/inboxTasks/:taskId',
    { config: { sandbox: { routeName: ROUTE_NAMES.workerInboxTasksGet, kind: 'rest' } } },
    async (request) => {
      const caller = authenticateInbox(context, request);
      resolveInboxOwner(caller, request.params.id);
      const task = findOwnTask(caller, request.params.taskId);
      return presentInboxTask(caller.tenant, task, apiBase(request, caller.tenant.tenant));
    },
  );

  app.get<{ Params: WorkerParams }>(
    '/inboxTasks/:id',
    { config: { sandbox: { routeName: ROUTE_NAMES.inboxTasksGet, kind: 'rest' } } },
    async (request) => {
      const caller = authenticateInbox(context, request);
      const task = findOwnTask(caller, request.params.id);
      return presentInboxTask(caller.tenant, task, apiBase(request, caller.tenant.tenant));
    },
  );

  app.put<{ Params: WorkerParams }>(
    '/inboxTasks/:id',
    { config: { sandbox: { routeName: ROUTE_NAMES.inboxTasksUpdate, kind: 'rest' } } },
    async (request) => {
      const caller = authenticateInbox(context, request);
      const type = queryParam(request.query, 'type');
      if (type !== 'approval' && type !== 'denial') {
        throw new RestError(
          400,
          "invalid request: query parameter 'type' must be 'approval' or 'denial'.",
        );
      }
      const comment = readComment(request.body);
      const task = caller.tenant.inbox.get(request.params.id);
      if (task === undefined) {
        throw new RestError(404, 'Resource not found.', [
          `Inbox task '${request.params.id}' does not exist.`,
        ]);
      }
      if (task.assigneeWorkerId !== caller.token.workerId) {
        // Guess: Workday's text is not public; only the assignee may act on a task.
        throw new RestError(403, 'User has insufficient permissions.', [
          `Inbox task '${task.id}' is not assigned to the signed-in user.`,
        ]);
      }
      const verb = type === 'approval' ? 'approved' : 'denied';
      if (task.status !== 'Awaiting Action') {
        throw new RestError(
          400,
          `invalid request: inbox task '${task.id}' cannot be ${verb} because its status is '${task.status}'.`,
        );
      }
      if (task.stepType !== 'Approval') {
        throw new RestError(
          400,
          `invalid request: inbox task '${task.id}' has step type '${task.stepType}', which cannot be ${verb}.`,
        );
      }
      if (type === 'denial' && (comment === undefined || comment.trim() === '')) {
        // Guess: Workday requires a reason to deny.
        throw new RestError(400, 'invalid request: a comment is required to deny an inbox task.');
      }
      caller.tenant.inbox.setStatus(
        task,
        type === 'approval' ? 'Successfully Completed' : 'Denied',
      );
      const base = apiBase(request, caller.tenant.tenant);
      return { id: task.id, descriptor: task.descriptor, href: `${base}/inboxTasks/${task.id}` };
    },
  );
};

export default inboxTasksRoutes;
