import type { InboxStepType, InboxTaskRecord, InboxTaskStatus } from './types';

const DAY_MS = 86_400_000;

/** What an inbox task is made of; the rest is derived on access. */
export interface InboxTaskInit {
  id: string;
  tenant: string;
  assigneeWorkerId: string;
  descriptor: string;
  stepType: InboxStepType;
  status: InboxTaskStatus;
  assignedMs: number;
  /** Due date as a UTC day number (epoch ms / one day, floored). */
  dueDay: number;
  processKind: string;
  /** The overall process WID; derived from the task id when absent (bulk tasks). */
  processId: string | undefined;
  subjectWorkerId: string;
  /** The subject's name, shared with the worker record (no copy per task). */
  subjectName: string;
  initiatorWorkerId: string;
}

/**
 * A stored inbox task. Strings derived from numbers (`assigned`, `due`, the process) are built
 * on access, so 100,000 bulk tasks stay small and quick to add.
 */
export class InboxTask implements InboxTaskRecord {
  readonly id: string;
  readonly tenant: string;
  readonly assigneeWorkerId: string;
  readonly descriptor: string;
  readonly stepType: InboxStepType;
  status: InboxTaskStatus;
  readonly assignedMs: number;
  readonly #dueDay: number;
  readonly #processKind: string;
  readonly #processId: string | undefined;
  readonly subjectWorkerId: string;
  readonly #subjectName: string;
  readonly initiatorWorkerId: string;

  constructor(init: InboxTaskInit) {
    this.id = init.id;
    this.tenant = init.tenant;
    this.assigneeWorkerId = init.assigneeWorkerId;
    this.descriptor = init.descriptor;
    this.stepType = init.stepType;
    this.status = init.status;
    this.assignedMs = init.assignedMs;
    this.#dueDay = init.dueDay;
    this.#processKind = init.processKind;
    this.#processId = init.processId;
    this.subjectWorkerId = init.subjectWorkerId;
    this.#subjectName = init.subjectName;
    this.initiatorWorkerId = init.initiatorWorkerId;
  }

  get assigned(): string {
    return new Date(this.assignedMs).toISOString();
  }

  get due(): string {
    return new Date(this.#dueDay * DAY_MS).toISOString().slice(0, 10);
  }

  get overallProcess(): { id: string; kind: string; descriptor: string } {
    return {
      // Bulk tasks: the id's halves swapped is another unique 32-hex WID.
      id: this.#processId ?? this.id.slice(16) + this.id.slice(0, 16),
      kind: this.#processKind,
      descriptor: `${this.#processKind}: ${this.#subjectName}`,
    };
  }

  toJSON(): InboxTaskRecord {
    return {
      id: this.id,
      tenant: this.tenant,
      assigneeWorkerId: this.assigneeWorkerId,
      descriptor: this.descriptor,
      stepType: this.stepType,
      status: this.status,
      assigned: this.assigned,
      assignedMs: this.assignedMs,
      due: this.due,
      overallProcess: this.overallProcess,
      subjectWorkerId: this.subjectWorkerId,
      initiatorWorkerId: this.initiatorWorkerId,
    };
  }
}

/** The UTC day number of an epoch-ms instant. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
