/**
 * The sandbox's control surface, shared by `/_sandbox/*` and the `SandboxHandle`: state,
 * reset, faults and bulk inbox tasks.
 */
import { z } from 'zod';
import { MAX_BULK_INBOX_TASKS } from './constants';
import type { SandboxContext } from './context';
import { assertFaultSpec } from './fault-spec';
import { StoreInputError } from './store';
import { INBOX_STEP_TYPES } from './types';
import type { AddInboxTasksRequest, FaultSpec, InboxTaskRecord, SandboxState } from './types';

const addInboxTasksSchema = z.strictObject({
  tenant: z.string().min(1),
  assignee: z.string().min(1),
  count: z.number().int().min(1).max(MAX_BULK_INBOX_TASKS),
  stepType: z.enum(INBOX_STEP_TYPES).optional(),
  assignedStart: z.union([z.string(), z.number()]).optional(),
  assignedStepMs: z.number().int().optional(),
});

/** Thrown for a bad control request; `/_sandbox/*` answers it with 400. */
export class ControlInputError extends Error {
  override name = 'ControlInputError';
}

/** Checks an untrusted `POST /_sandbox/inbox-tasks` body. */
function assertAddInboxTasksRequest(value: unknown): AddInboxTasksRequest {
  const result = addInboxTasksSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.');
    throw new ControlInputError(
      `Inbox task request '${path}' is invalid: ${issue?.message ?? 'unknown'}.`,
    );
  }
  return result.data as AddInboxTasksRequest;
}

export class SandboxController {
  readonly #context: SandboxContext;

  constructor(context: SandboxContext) {
    this.#context = context;
  }

  state(): SandboxState {
    const { counters, store, faults } = this.#context;
    store.settleImports();
    const journals: Record<string, number> = {};
    const imports: SandboxState['imports'] = {};
    const inboxTasks: Record<string, Record<string, number>> = {};
    for (const tenant of store.tenants()) {
      journals[tenant.tenant] = tenant.journals.size;
      inboxTasks[tenant.tenant] = tenant.inbox.countByStatus();
      imports[tenant.tenant] = tenant.imports.counts();
    }
    return {
      ...counters.snapshot(),
      journals,
      imports,
      inboxTasks,
      faults: { fired: faults.fired },
    };
  }

  /** Restores fixtures; clears counters, faults and issued tokens (keeps this run's secrets). */
  reset(): void {
    this.#context.store.reset();
    this.#context.tokens.reset();
    this.#context.faults.clear(true);
    this.#context.counters.reset();
  }

  /** Replaces the active faults; throws FaultSpecError for an invalid (untrusted) spec. */
  setFaults(spec: unknown): void {
    this.#context.faults.set(assertFaultSpec(spec));
  }

  faults(): FaultSpec {
    return this.#context.faults.spec;
  }

  /** Sets how long import processes received from now on run (0: complete at once). */
  setImportDelay(ms: number): void {
    if (!Number.isInteger(ms) || ms < 0 || ms > 3_600_000)
      throw new ControlInputError(
        'The import delay must be a whole number of milliseconds, 0 to 3600000.',
      );
    this.#context.importDelayMs = ms;
  }

  /** Adds tasks in bulk; throws ControlInputError for an invalid (untrusted) request. */
  addInboxTasks(request: unknown): InboxTaskRecord[] {
    try {
      return this.#context.store.addInboxTasks(assertAddInboxTasksRequest(request));
    } catch (error) {
      if (error instanceof StoreInputError) throw new ControlInputError(error.message);
      throw error;
    }
  }
}
