import type { InboxTask } from './inbox-task';
import type { InboxTaskStatus } from './types';

/**
 * Storage order of one inbox: ascending `assignedMs`, ties by descending id, so the API's order
 * (newest first, ties by ascending id) is a plain backwards walk and appending newer tasks is O(1).
 */
function compareStorage(a: InboxTask, b: InboxTask): number {
  if (a.assignedMs !== b.assignedMs) return a.assignedMs - b.assignedMs;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function isSorted(records: readonly InboxTask[]): boolean {
  for (let i = 1; i < records.length; i += 1) {
    if (compareStorage(records[i - 1]!, records[i]!) > 0) return false;
  }
  return true;
}

function merge(a: InboxTask[], b: readonly InboxTask[]): InboxTask[] {
  const out = new Array<InboxTask>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = compareStorage(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** One tenant's inbox tasks: by id, per assignee in API order, and counted by status. */
export class InboxBook {
  readonly #byId = new Map<string, InboxTask>();
  readonly #byAssignee = new Map<string, InboxTask[]>();
  readonly #statusCounts = new Map<InboxTaskStatus, number>();

  /** Adds tasks in O(n) when they are newer than the assignee's newest task, else O(n + m). */
  add(records: readonly InboxTask[]): void {
    const groups = new Map<string, InboxTask[]>();
    for (const record of records) {
      if (this.#byId.has(record.id)) throw new Error(`Inbox task id '${record.id}' is not unique.`);
      this.#byId.set(record.id, record);
      this.#statusCounts.set(record.status, (this.#statusCounts.get(record.status) ?? 0) + 1);
      const group = groups.get(record.assigneeWorkerId);
      if (group === undefined) groups.set(record.assigneeWorkerId, [record]);
      else group.push(record);
    }
    for (const [assignee, group] of groups) {
      if (!isSorted(group)) group.sort(compareStorage);
      const existing = this.#byAssignee.get(assignee);
      if (existing === undefined || existing.length === 0) {
        this.#byAssignee.set(assignee, group);
      } else if (compareStorage(existing[existing.length - 1]!, group[0]!) <= 0) {
        for (const record of group) existing.push(record);
      } else {
        this.#byAssignee.set(assignee, merge(existing, group));
      }
    }
  }

  get(id: string): InboxTask | undefined {
    return this.#byId.get(id);
  }

  /** One page of a worker's inbox, newest `assigned` first (ties by id), completed tasks included. */
  page(workerId: string, offset: number, limit: number): { total: number; items: InboxTask[] } {
    const all = this.#byAssignee.get(workerId) ?? [];
    const items: InboxTask[] = [];
    for (let i = all.length - 1 - offset; i >= 0 && items.length < limit; i -= 1) {
      items.push(all[i]!);
    }
    return { total: all.length, items };
  }

  setStatus(record: InboxTask, status: InboxTaskStatus): void {
    this.#statusCounts.set(record.status, (this.#statusCounts.get(record.status) ?? 1) - 1);
    this.#statusCounts.set(status, (this.#statusCounts.get(status) ?? 0) + 1);
    record.status = status;
  }

  /** Task counts by status descriptor (statuses with no task are left out). */
  countByStatus(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [status, count] of this.#statusCounts) if (count > 0) counts[status] = count;
    return counts;
  }
}
