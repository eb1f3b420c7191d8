/**
 * The simulator's mutable state: sheet cells and long-running operations. An update of values
 * is accepted as an operation that moves `acknowledged → queued → started → completed` one step
 * per poll (or ends `failed` under a fault); the cells change when it completes.
 */
import { randomUUID } from 'node:crypto';
import type { Rect } from './a1';
import { FILES } from './fixtures';
import type { FileFixture } from './fixtures';

export type Cell = string | number | boolean | null;

export type OperationStatus =
  'acknowledged' | 'queued' | 'started' | 'completed' | 'cancelled' | 'failed';

export interface OperationRecord {
  id: string;
  status: OperationStatus;
  created: string;
  updated: string;
  originalRequest: string;
  resourceUrl: string;
  details: Array<{ code: string; message: string; target?: string }>;
  /** Polls so far, and the epoch ms of the last one (for the poll rate limit). */
  polls: number;
  lastPollAt: number;
  /** Applied on completion. */
  apply: () => void;
  willFail: boolean;
}

const STEPS: OperationStatus[] = ['acknowledged', 'queued', 'started', 'completed'];

export class Store {
  readonly #now: () => number;
  #cells = new Map<string, Map<string, Cell>>();
  #operations = new Map<string, OperationRecord>();

  constructor(now: () => number) {
    this.#now = now;
    this.reset();
  }

  reset(): void {
    this.#cells.clear();
    this.#operations.clear();
    for (const file of FILES) {
      for (const sheet of file.sheets) {
        const cells = new Map<string, Cell>();
        sheet.rows.forEach((row, r) => row.forEach((v, c) => cells.set(`${r},${c}`, v)));
        this.#cells.set(`${file.id}/${sheet.id}`, cells);
      }
    }
  }

  file(id: string): FileFixture | undefined {
    return FILES.find((f) => f.id === id);
  }

  /** The rectangle's values; empty cells read as `""`. */
  read(fileId: string, sheetId: string, rect: Rect): Cell[][] {
    const cells = this.#cells.get(`${fileId}/${sheetId}`) ?? new Map<string, Cell>();
    const out: Cell[][] = [];
    for (let r = rect.r0; r <= rect.r1; r += 1) {
      const row: Cell[] = [];
      for (let c = rect.c0; c <= rect.c1; c += 1) row.push(cells.get(`${r},${c}`) ?? '');
      out.push(row);
    }
    return out;
  }

  /**
   * Writes `values` into the rectangle: `null` leaves a cell as it is, and cells of the range
   * that the (smaller) payload does not reach are cleared (§3.2).
   */
  write(fileId: string, sheetId: string, rect: Rect, values: Cell[][]): void {
    const key = `${fileId}/${sheetId}`;
    const cells = this.#cells.get(key) ?? new Map<string, Cell>();
    this.#cells.set(key, cells);
    for (let r = rect.r0; r <= rect.r1; r += 1) {
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const row = values[r - rect.r0];
        const value = row === undefined || c - rect.c0 >= row.length ? '' : row[c - rect.c0];
        if (value === null || value === undefined) continue;
        if (value === '') cells.delete(`${r},${c}`);
        else cells.set(`${r},${c}`, value);
      }
    }
  }

  createOperation(
    originalRequest: string,
    resourceUrl: string,
    apply: () => void,
    willFail: boolean,
  ): OperationRecord {
    const at = new Date(this.#now()).toISOString();
    const op: OperationRecord = {
      id: randomUUID(),
      status: 'acknowledged',
      created: at,
      updated: at,
      originalRequest,
      resourceUrl,
      details: [],
      polls: 0,
      lastPollAt: 0,
      apply,
      willFail,
    };
    this.#operations.set(op.id, op);
    return op;
  }

  operation(id: string): OperationRecord | undefined {
    return this.#operations.get(id);
  }

  /** One poll: the operation moves one step (and completes or fails at the end). */
  advance(op: OperationRecord): void {
    op.polls += 1;
    op.lastPollAt = this.#now();
    if (op.status === 'completed' || op.status === 'failed' || op.status === 'cancelled') return;
    const next = STEPS[STEPS.indexOf(op.status) + 1] ?? 'completed';
    op.updated = new Date(this.#now()).toISOString();
    if (next === 'completed' && op.willFail) {
      op.status = 'failed';
      op.details = [
        {
          code: 'OperationFailed',
          message: 'The sheet was locked by another edit; nothing was changed.',
        },
      ];
      return;
    }
    op.status = next;
    if (next === 'completed') op.apply();
  }

  operationCount(): number {
    return this.#operations.size;
  }
}
