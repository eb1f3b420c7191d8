/** A stored journal line; amounts in integer minor units of the journal's currency. */
export interface JournalLine {
  accountSetId: string;
  accountId: string;
  debitMinor: bigint | undefined;
  creditMinor: bigint | undefined;
  memo: string | undefined;
  worktags: { type: string; id: string }[];
}

/** A stored accounting journal. */
export interface Journal {
  wid: string;
  /** `Accounting_Journal_ID`: the caller's idempotency key or a generated one. */
  id: string;
  number: string;
  /** `Created` (draft, `Submit` false) or `Posted`. */
  status: 'Created' | 'Posted';
  companyId: string;
  currency: string;
  ledgerType: string;
  accountingDate: string;
  journalSourceId: string | undefined;
  memo: string | undefined;
  lines: JournalLine[];
  totalDebitMinor: bigint;
  totalCreditMinor: bigint;
  createdMs: number;
  updatedMs: number;
}

/** One tenant's journals, by `Accounting_Journal_ID` and WID, in creation order. */
export class JournalBook {
  readonly #byId = new Map<string, Journal>();
  readonly #byWid = new Map<string, Journal>();
  #sequence = 0;

  get size(): number {
    return this.#byId.size;
  }

  /** The next journal number and generated ID (Workday-style `ACCOUNTING_JOURNAL-6-N`). */
  nextNumbers(): { number: string; generatedId: string } {
    this.#sequence += 1;
    return {
      number: `JE-${String(this.#sequence).padStart(6, '0')}`,
      generatedId: `ACCOUNTING_JOURNAL-6-${this.#sequence}`,
    };
  }

  getById(id: string): Journal | undefined {
    return this.#byId.get(id);
  }

  getByWid(wid: string): Journal | undefined {
    return this.#byWid.get(wid);
  }

  /** Stores a new journal or replaces one with the same id (keeps its position). */
  put(journal: Journal): void {
    this.#byId.set(journal.id, journal);
    this.#byWid.set(journal.wid, journal);
  }

  all(): IterableIterator<Journal> {
    return this.#byId.values();
  }
}
