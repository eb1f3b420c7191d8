/**
 * Asynchronous journal imports (`Import_Accounting_Journal`): each is a background process that
 * completes `delayMs` after its receipt, its percent complete advancing with the clock. It is
 * settled lazily, whenever a request could observe it, so a controllable clock drives it exactly.
 */
import { createWid } from './ids';
import type { Journal, JournalBook } from './journals';

/** One message of an import process. */
export interface ImportMessage {
  /** Guess: Workday's spelling of severities is not established; its sample shows "Error". */
  severity: 'Error' | 'Warning' | 'Info';
  summary: string;
  /** 0 for the journal as a whole, n for the n-th `Journal_Entry_Line_Replacement_Data`. */
  lineNumber: number;
  timestampMs: number;
}

/**
 * Status IDs of an import process. Guess (workday-soap-schema.md [B]/[U]): public pollers read
 * `Processing`, `Completed`, `CompletedWithErrors` and `Failed`; Workday's list is not published.
 */
export type ImportStatusId = 'Processing' | 'Completed' | 'Failed';

/** One import process. */
export interface ImportProcess {
  wid: string;
  /** `Background_Process_Instance_ID`. */
  instanceId: string;
  journalId: string;
  lineCount: number;
  receivedMs: number;
  completesAtMs: number;
  status: ImportStatusId;
  completedMs: number | undefined;
  /** The journal stored when the process completes; absent when it fails. */
  journal: Journal | undefined;
  messages: ImportMessage[];
  /** The WID of the header instance the receipt names (the journal's, once stored). */
  headerWid: string;
}

/** Imports counted since start or reset. */
export interface ImportCounts {
  received: number;
  completed: number;
  failed: number;
}

/** One tenant's import processes. */
export class ImportBook {
  readonly #byWid = new Map<string, ImportProcess>();
  readonly #byInstance = new Map<string, ImportProcess>();
  readonly #pending = new Set<ImportProcess>();
  #sequence = 0;

  /** Starts a process; `journal` is stored at completion unless `messages` has an error. */
  start(options: {
    journalId: string;
    lineCount: number;
    nowMs: number;
    delayMs: number;
    journal: Journal | undefined;
    messages: ImportMessage[];
  }): ImportProcess {
    this.#sequence += 1;
    const process: ImportProcess = {
      wid: createWid(),
      instanceId: `BACKGROUND_PROCESS_INSTANCE-6-${this.#sequence}`,
      journalId: options.journalId,
      lineCount: options.lineCount,
      receivedMs: options.nowMs,
      completesAtMs: options.nowMs + options.delayMs,
      status: 'Processing',
      completedMs: undefined,
      journal: options.journal,
      messages: options.messages,
      headerWid: options.journal?.wid ?? createWid(),
    };
    this.#byWid.set(process.wid, process);
    this.#byInstance.set(process.instanceId, process);
    this.#pending.add(process);
    return process;
  }

  /** Completes every process whose time has come; their journals go into `journals`. */
  settle(nowMs: number, journals: JournalBook): void {
    for (const process of this.#pending) {
      if (process.completesAtMs > nowMs) continue;
      this.#pending.delete(process);
      process.completedMs = process.completesAtMs;
      const failed = process.messages.some((m) => m.severity === 'Error');
      if (failed || process.journal === undefined) {
        process.status = 'Failed';
        process.journal = undefined;
        continue;
      }
      journals.put({
        ...process.journal,
        createdMs: process.completesAtMs,
        updatedMs: process.completesAtMs,
      });
      process.status = 'Completed';
    }
  }

  /** True while a process for this journal ID is still running (Add_Only refuses a second one). */
  isImporting(journalId: string): boolean {
    for (const process of this.#pending) if (process.journalId === journalId) return true;
    return false;
  }

  byWid(wid: string): ImportProcess | undefined {
    return this.#byWid.get(wid);
  }

  byInstanceId(id: string): ImportProcess | undefined {
    return this.#byInstance.get(id);
  }

  /** Percent complete at `nowMs`: advances with the clock, 100 once complete. */
  percentComplete(process: ImportProcess, nowMs: number): number {
    if (process.status !== 'Processing') return 100;
    const span = process.completesAtMs - process.receivedMs;
    if (span <= 0) return 99;
    return Math.min(99, Math.floor(((nowMs - process.receivedMs) / span) * 100));
  }

  counts(): ImportCounts {
    let completed = 0;
    let failed = 0;
    for (const process of this.#byWid.values()) {
      if (process.status === 'Completed') completed += 1;
      else if (process.status === 'Failed') failed += 1;
    }
    return { received: this.#byWid.size, completed, failed };
  }
}
