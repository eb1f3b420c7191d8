/**
 * The sandbox's in-memory tenants, loaded from `fixtures/sandbox/*.json` at start and on reset.
 * Inbox task times are relative to the load time, so "assigned in the last 24 h" finds some.
 */
import { TENANT_FIXTURES } from './fixtures';
import type {
  ApiClientFixture,
  InboxTaskFixture,
  TenantFixture,
  UserFixture,
  WorkerFixture,
} from './fixtures';
import { createSequentialWidFactory } from './ids';
import { ImportBook } from './imports';
import { InboxBook } from './inbox';
import { dayOf, InboxTask } from './inbox-task';
import { JournalBook } from './journals';
import type { AddInboxTasksRequest, InboxStepType, InboxTaskRecord } from './types';

const MINUTE_MS = 60_000;

/** Process kind, step descriptor and due offset of bulk-added tasks, by step type. */
const BULK_TEMPLATES: Readonly<
  Record<InboxStepType, { process: string; descriptor: string; dueDays: number }>
> = {
  Approval: { process: 'Expense Report', descriptor: 'Approval by Manager', dueDays: 2 },
  'To Do': { process: 'Expense Report', descriptor: 'To Do: Attach Receipts', dueDays: 5 },
  Review: { process: 'Journal Entry', descriptor: 'Review Journal Entry', dueDays: 3 },
};

/** A ledger account set with its accounts by `Ledger_Account_ID`. */
export interface AccountSetData {
  id: string;
  wid: string;
  name: string;
  accounts: Map<string, TenantFixture['accountSets'][number]['accounts'][number]>;
}

/** One tenant: its seed data indexed for the routes, plus mutable inbox and journals. */
export class TenantData {
  readonly tenant: string;
  readonly fixture: TenantFixture;
  readonly clients = new Map<string, ApiClientFixture>();
  readonly users = new Map<string, UserFixture>();
  readonly workers = new Map<string, WorkerFixture>();
  /** Workers listed by `GET workers`; guess: ISUs' worker records are left out. */
  readonly listedWorkers: WorkerFixture[];
  readonly organizations = new Map<string, { id: string; descriptor: string }>();
  readonly companies = new Map<string, TenantFixture['companies'][number]>();
  readonly currencies = new Map<string, TenantFixture['currencies'][number]>();
  readonly accountSets = new Map<string, AccountSetData>();
  readonly journalSources = new Map<string, TenantFixture['journalSources'][number]>();
  readonly costCenters = new Map<string, TenantFixture['costCenters'][number]>();
  readonly ledgerTypes: ReadonlySet<string>;
  readonly inbox = new InboxBook();
  readonly journals = new JournalBook();
  /** Journal imports (Import_Accounting_Journal), settled lazily by `settleImports`. */
  readonly imports = new ImportBook();

  constructor(fixture: TenantFixture, loadedMs: number) {
    this.tenant = fixture.tenant;
    this.fixture = fixture;
    for (const client of fixture.apiClients) this.clients.set(client.client_id, client);
    for (const user of fixture.users) this.users.set(user.username, user);
    for (const worker of fixture.workers) this.workers.set(worker.id, worker);
    this.listedWorkers = fixture.workers.filter((worker) => worker.integrationSystemUser !== true);
    for (const org of fixture.supervisoryOrganizations) this.organizations.set(org.id, org);
    for (const company of fixture.companies) this.companies.set(company.id, company);
    for (const currency of fixture.currencies) this.currencies.set(currency.code, currency);
    for (const set of fixture.accountSets) {
      this.accountSets.set(set.id, {
        id: set.id,
        wid: set.wid,
        name: set.name,
        accounts: new Map(set.accounts.map((account) => [account.id, account])),
      });
    }
    for (const source of fixture.journalSources) this.journalSources.set(source.id, source);
    for (const center of fixture.costCenters) this.costCenters.set(center.id, center);
    this.ledgerTypes = new Set(fixture.ledgerTypes);
    this.inbox.add(fixture.inboxTasks.map((task) => this.#fromFixture(task, loadedMs)));
  }

  /** The worker of a username or worker WID, if any. */
  findWorker(usernameOrWorkerId: string): WorkerFixture | undefined {
    const user = this.users.get(usernameOrWorkerId);
    return this.workers.get(user === undefined ? usernameOrWorkerId : user.workerId);
  }

  #fromFixture(task: InboxTaskFixture, loadedMs: number): InboxTask {
    const assignee = this.users.get(task.assignee);
    const subject = this.workers.get(task.subject);
    if (assignee === undefined || subject === undefined || !this.workers.has(task.initiator)) {
      throw new Error(`Inbox task fixture '${task.id}' names an unknown user or worker.`);
    }
    return new InboxTask({
      id: task.id,
      tenant: this.tenant,
      assigneeWorkerId: assignee.workerId,
      descriptor: task.descriptor,
      stepType: task.stepType,
      status: task.status,
      assignedMs: loadedMs - Math.round(task.assignedMinutesAgo * MINUTE_MS),
      dueDay: dayOf(loadedMs) + task.dueInDays,
      processKind: task.process,
      processId: task.processId,
      subjectWorkerId: subject.id,
      subjectName: subject.descriptor,
      initiatorWorkerId: task.initiator,
    });
  }
}

/** Why `addInboxTasks` refused a request (the caller maps it to HTTP 400). */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

/** All tenants of the sandbox. */
export class SandboxStore {
  readonly #now: () => number;
  readonly #nextTaskId = createSequentialWidFactory();
  #tenants = new Map<string, TenantData>();

  constructor(now: () => number) {
    this.#now = now;
    this.reset();
  }

  /** Restores every tenant from the fixtures (inbox times relative to now, no journals). */
  reset(): void {
    const loadedMs = this.#now();
    this.#tenants = new Map(
      TENANT_FIXTURES.map((fixture) => [fixture.tenant, new TenantData(fixture, loadedMs)]),
    );
  }

  tenant(name: string): TenantData | undefined {
    return this.#tenants.get(name);
  }

  tenants(): IterableIterator<TenantData> {
    return this.#tenants.values();
  }

  /** Completes every import whose time has come, in every tenant. */
  settleImports(): void {
    const nowMs = this.#now();
    for (const tenant of this.#tenants.values()) tenant.imports.settle(nowMs, tenant.journals);
  }

  /**
   * Adds `count` tasks to one worker's inbox, `assignedStepMs` apart from `assignedStart`.
   * O(count); subjects cycle through the tenant's listed workers.
   */
  addInboxTasks(request: AddInboxTasksRequest): InboxTaskRecord[] {
    const data = this.#tenants.get(request.tenant);
    if (data === undefined) throw new StoreInputError(`Tenant '${request.tenant}' does not exist.`);
    const assignee = data.findWorker(request.assignee);
    if (assignee === undefined) {
      throw new StoreInputError(
        `Assignee '${request.assignee}' is neither a username nor a worker id at '${request.tenant}'.`,
      );
    }
    const start =
      request.assignedStart === undefined
        ? this.#now()
        : typeof request.assignedStart === 'number'
          ? request.assignedStart
          : Date.parse(request.assignedStart);
    if (!Number.isFinite(start)) {
      throw new StoreInputError(`assignedStart '${String(request.assignedStart)}' is not a date.`);
    }
    const step = request.assignedStepMs ?? 1000;
    const stepType = request.stepType ?? 'Approval';
    const template = BULK_TEMPLATES[stepType];
    const subjects = data.listedWorkers.filter((worker) => worker.id !== assignee.id);
    const records = new Array<InboxTask>(request.count);
    for (let i = 0; i < request.count; i += 1) {
      const subject = subjects[i % subjects.length]!;
      const assignedMs = start + i * step;
      records[i] = new InboxTask({
        id: this.#nextTaskId(),
        tenant: data.tenant,
        assigneeWorkerId: assignee.id,
        descriptor: template.descriptor,
        stepType,
        status: 'Awaiting Action',
        assignedMs,
        dueDay: dayOf(assignedMs) + template.dueDays,
        processKind: template.process,
        processId: undefined,
        subjectWorkerId: subject.id,
        subjectName: subject.descriptor,
        initiatorWorkerId: subject.id,
      });
    }
    data.inbox.add(records);
    return records;
  }
}
