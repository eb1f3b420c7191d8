/**
 * The M3 programs the simulator answers, in m3api-rest v2 shapes (other-systems.md §1.6 a): one
 * function per transaction, given the calling user, returning records or a NOK. The FGLINH
 * statuses, NOK wordings and the EXPORTMI query subset are guesses (listed in the issue note).
 */
import type { M3UserRecord } from './model';

/** One MI answer before it is wrapped in `results[]`. */
export type MiAnswer =
  | { records: Array<Record<string, string>> }
  | { nok: { errorMessage: string; errorCode?: string; errorField?: string; errorType: string } };

/** One GL interface batch: FGLINH with its FGLINL lines. */
export interface BatchRecord {
  company: string;
  division: string;
  key: string;
  template: string;
  description: string;
  /** 10 added, 20 validated by CtrlBatch, 90 updated by UpdBatch. */
  status: '10' | '20' | '90';
  lines: Map<number, string>;
  /** How many times UpdBatch took effect (an exactly-once test expects 1). */
  updates: number;
}

/** What a transaction sees. */
export interface MiContext {
  tenant: string;
  username: string;
  user: M3UserRecord;
  batches: Map<string, BatchRecord>;
}

const nok = (
  errorMessage: string,
  extra: { errorField?: string; errorCode?: string; errorType?: string } = {},
): MiAnswer => ({
  nok: {
    errorMessage,
    errorType: extra.errorType ?? 'ServerReturnedNOK',
    ...(extra.errorField === undefined ? {} : { errorField: extra.errorField }),
    ...(extra.errorCode === undefined ? {} : { errorCode: extra.errorCode }),
  },
});

const LIMITS: Record<string, number> = {
  KEY1: 15,
  INTN: 15,
  DESC: 40,
  PARM: 900,
  DIVI: 3,
  CONO: 3,
  LINE: 5,
};

/** Mandatory fields present and within their lengths, else the NOK M3 gives. */
function check(record: Record<string, string>, required: string[]): MiAnswer | undefined {
  for (const field of required)
    if ((record[field] ?? '').trim() === '')
      return nok(`Field ${field} is mandatory`, {
        errorField: field,
        errorType: 'MandatoryInputFieldNotFound',
      });
  for (const [field, value] of Object.entries(record)) {
    const limit = LIMITS[field];
    if (limit !== undefined && value.length > limit)
      return nok(`Field ${field} is longer than ${limit}`, {
        errorField: field,
        errorType: 'InputFieldTooLong',
      });
  }
  return undefined;
}

function batchKey(tenant: string, company: string, key: string): string {
  return `${tenant}|${company}|${key}`;
}

/** M3's authority check: the user must be allowed the program and the company. */
function authority(
  ctx: MiContext,
  program: string,
  company: string | undefined,
): MiAnswer | undefined {
  if (!ctx.user.programs.has(program))
    return nok(`User ${ctx.username} is not authorized to run ${program}`, {
      errorCode: 'XAU0001',
    });
  if (company !== undefined && company !== '' && company !== ctx.user.company)
    return nok(`Not authorized for company ${company}`, {
      errorCode: 'XAU0008',
      errorField: 'CONO',
    });
  return undefined;
}

function addBatchHead(ctx: MiContext, r: Record<string, string>): MiAnswer {
  const bad = check(r, ['CONO', 'KEY1', 'INTN', 'DESC']);
  if (bad !== undefined) return bad;
  const id = batchKey(ctx.tenant, r.CONO as string, r.KEY1 as string);
  if (ctx.batches.has(id)) return nok('Record already exists', { errorField: 'KEY1' });
  ctx.batches.set(id, {
    company: r.CONO as string,
    division: r.DIVI ?? '',
    key: r.KEY1 as string,
    template: r.INTN as string,
    description: r.DESC as string,
    status: '10',
    lines: new Map(),
    updates: 0,
  });
  return { records: [] };
}

function existing(ctx: MiContext, r: Record<string, string>): BatchRecord | MiAnswer {
  const batch = ctx.batches.get(batchKey(ctx.tenant, r.CONO ?? '', r.KEY1 ?? ''));
  return batch ?? nok(`Batch ${r.KEY1 ?? ''} does not exist`, { errorField: 'KEY1' });
}

function addBatchLine(ctx: MiContext, r: Record<string, string>): MiAnswer {
  const bad = check(r, ['CONO', 'KEY1', 'LINE', 'PARM']);
  if (bad !== undefined) return bad;
  const batch = existing(ctx, r);
  if (!('lines' in batch)) return batch;
  if (batch.status === '90')
    return nok(`Batch ${batch.key} is already updated`, { errorField: 'KEY1' });
  const line = Number(r.LINE);
  if (!Number.isInteger(line) || line < 1)
    return nok('Line number is invalid', { errorField: 'LINE' });
  if (batch.lines.has(line)) return nok('Record already exists', { errorField: 'LINE' });
  batch.lines.set(line, r.PARM as string);
  batch.status = '10';
  return { records: [] };
}

/** Validation of a line against its GLS850 template: here, only that it is a record of type I1. */
function ctrlBatch(ctx: MiContext, r: Record<string, string>): MiAnswer {
  const bad = check(r, ['CONO', 'KEY1']);
  if (bad !== undefined) return bad;
  const batch = existing(ctx, r);
  if (!('lines' in batch)) return batch;
  if (batch.status === '90')
    return nok(`Batch ${batch.key} is already updated`, { errorField: 'KEY1' });
  if (batch.lines.size === 0) return nok(`Batch ${batch.key} has no lines`, { errorField: 'KEY1' });
  for (const [line, parm] of batch.lines)
    if (!parm.startsWith('I1'))
      return nok(
        `Line ${line}: record type ${parm.slice(0, 2)} is not defined in interface ${batch.template}`,
        { errorField: 'PARM' },
      );
  batch.status = '20';
  return { records: [] };
}

function updBatch(ctx: MiContext, r: Record<string, string>): MiAnswer {
  const bad = check(r, ['CONO', 'KEY1']);
  if (bad !== undefined) return bad;
  const batch = existing(ctx, r);
  if (!('lines' in batch)) return batch;
  if (batch.status === '90')
    return nok(`Batch ${batch.key} is already updated`, { errorField: 'KEY1' });
  if (batch.status !== '20')
    return nok(`Batch ${batch.key} is not validated; run CtrlBatch first`, { errorField: 'KEY1' });
  batch.status = '90';
  batch.updates += 1;
  return { records: [] };
}

// The two EXPORTMI queries GL integrations run on the interface tables (a small subset of SQL).
const HEAD_QUERY = /^FHKEY1,FHSTAT from FGLINH where FHCONO = (\d+) and FHKEY1 = '((?:[^']|'')*)'$/;
const LINE_QUERY = /^FLLINE from FGLINL where FLCONO = (\d+) and FLKEY1 = '((?:[^']|'')*)'$/;

function exportSelect(ctx: MiContext, r: Record<string, string>): MiAnswer {
  const query = (r.QERY ?? '').trim();
  const sep = r.SEPC ?? ';';
  const head = HEAD_QUERY.exec(query);
  const lines = LINE_QUERY.exec(query);
  const match = head ?? lines;
  if (match === null) return nok('Invalid query', { errorField: 'QERY' });
  const batch = ctx.batches.get(
    batchKey(ctx.tenant, match[1] as string, (match[2] as string).replace(/''/g, "'")),
  );
  if (batch === undefined) return { records: [] };
  if (head !== null) return { records: [{ REPL: [batch.key, batch.status].join(sep) }] };
  return { records: [...batch.lines.keys()].map((line) => ({ REPL: String(line) })) };
}

const TRANSACTIONS: Record<
  string,
  Record<string, (ctx: MiContext, r: Record<string, string>) => MiAnswer>
> = {
  MNS150MI: {
    GetUserData: (ctx) => ({
      records: [
        {
          USID: ctx.username,
          CONO: ctx.user.company,
          DIVI: ctx.user.division,
          LANC: 'GB',
          DTFM: 'YMD',
        },
      ],
    }),
  },
  GLS840MI: {
    AddBatchHead: addBatchHead,
    AddBatchLine: addBatchLine,
    CtrlBatch: ctrlBatch,
    UpdBatch: updBatch,
  },
  EXPORTMI: { Select: exportSelect },
};

/** Runs one transaction; an unknown program or transaction is M3's TransactionNotFound NOK. */
export function runTransaction(
  ctx: MiContext,
  program: string,
  transaction: string,
  record: Record<string, string>,
): MiAnswer {
  const run = TRANSACTIONS[program]?.[transaction];
  if (run === undefined)
    return nok(`Transaction ${transaction} does not exist in ${program}`, {
      errorType: 'TransactionNotFound',
    });
  return authority(ctx, program, record.CONO) ?? run(ctx, record);
}
