import { ConnectorError, isConnectorError } from '../../../sdk/errors';
import type { HttpClient } from '../../../sdk/define';
import { isAlreadyExistsNok, m3Bulk, m3Call, m3Error, m3Execute } from './m3';

/**
 * M3's generic GL interface, GLS840MI (other-systems.md §1.6 a): `AddBatchHead` writes the batch
 * header (FGLINH), `AddBatchLine` one positioned line each (FGLINL, layout from the GLS850
 * interface template), `CtrlBatch` validates (GLS840 option 6), `UpdBatch` updates the GL
 * (option 9). GLS840MI has no read transaction, so the batch's state is read from FGLINH with
 * EXPORTMI/Select.
 */
export const GL_PROGRAM = 'GLS840MI';

/** Lines per bulk message: 25 lines of at most 900 characters stay under ION's ~32 KB. */
export const LINES_PER_MESSAGE = 25;

/** What a batch is, as the connector reads it back. */
export interface GlBatchState {
  exists: boolean;
  /** FGLINH status as M3 stores it, when the batch exists. */
  status?: string;
  /** `added` (header and lines written), `validated` (CtrlBatch passed), `updated` (in the GL). */
  stage?: 'added' | 'validated' | 'updated';
  /** Lines in FGLINL. */
  line_count: number;
}

/**
 * FGLINH status values. Not documented publicly: these are the simulator's, assumed from M3's
 * usual "10 new / 20 checked / 90 done" ladder (listed among the guesses in the issue note).
 */
const STAGES: Record<string, GlBatchState['stage']> = {
  '10': 'added',
  '20': 'validated',
  '90': 'updated',
};

/** `'` doubled: EXPORTMI's query is SQL-like text, and a batch key is user input. */
function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Reads a batch's header status and line count (two EXPORTMI/Select queries). */
export async function readGlBatch(
  http: HttpClient,
  company: string,
  key: string,
): Promise<GlBatchState> {
  const where = `FHCONO = ${Number(company)} and FHKEY1 = ${quoted(key)}`;
  const heads = await m3Execute(http, 'EXPORTMI', 'Select', {
    SEPC: ';',
    QERY: `FHKEY1,FHSTAT from FGLINH where ${where}`,
  });
  const head = heads[0]?.REPL;
  if (head === undefined) return { exists: false, line_count: 0 };
  const status = head.split(';')[1]?.trim() ?? '';
  const lines = await m3Execute(http, 'EXPORTMI', 'Select', {
    SEPC: ';',
    QERY: `FLLINE from FGLINL where FLCONO = ${Number(company)} and FLKEY1 = ${quoted(key)}`,
  });
  const stage = STAGES[status];
  return {
    exists: true,
    status,
    ...(stage === undefined ? {} : { stage }),
    line_count: lines.length,
  };
}

/** A lost answer: the request may or may not have reached M3 (timeout, reset, 5xx, gateway 504). */
export function isLostAnswer(error: unknown): boolean {
  return isConnectorError(error) && (error.code === 'transport' || error.code === 'remote_error');
}

/** The batch to post. */
export interface GlBatchRequest {
  company: string;
  division?: string;
  key: string;
  interface_template: string;
  description: string;
  /** Positioned PARM strings, LINE 1..n in order. */
  lines: readonly string[];
  /** Run UpdBatch after CtrlBatch. */
  update: boolean;
}

/** What posting did. */
export interface GlBatchOutcome {
  state: GlBatchState;
  /** True when the batch had been updated already (a rerun): nothing was sent again. */
  duplicate: boolean;
  /** Transactions sent this time, in order, for the record. */
  steps: string[];
}

/**
 * Posts a batch exactly once per batch key, whatever answers are lost:
 * 1. read the batch; an updated one is a duplicate and nothing is sent;
 * 2. AddBatchHead unless the header exists ("already exists" is a repeat, not an error);
 * 3. AddBatchLine for every line in one bulk message; a line that exists is a repeat (lines are
 *    keyed by KEY1 and LINE), so a lost bulk answer is safely sent again, once;
 * 4. CtrlBatch (validation only, repeatable);
 * 5. UpdBatch, the one step that must not run twice: after a lost answer the batch is read back
 *    and UpdBatch is sent again only if it is not updated.
 */
export async function postGlBatch(
  http: HttpClient,
  request: GlBatchRequest,
): Promise<GlBatchOutcome> {
  const steps: string[] = [];
  const ids = { CONO: request.company, DIVI: request.division, KEY1: request.key };
  const before = await readGlBatch(http, request.company, request.key);
  if (before.stage === 'updated') return { state: before, duplicate: true, steps };

  // Once, or twice after a lost answer when reading back shows it did not happen.
  const idempotent = async (
    name: string,
    run: () => Promise<void>,
    happened: () => Promise<boolean>,
  ) => {
    steps.push(name);
    try {
      await run();
    } catch (error: unknown) {
      if (!isLostAnswer(error)) throw error;
      if (await happened()) return;
      steps.push(`${name} (again, after a lost answer)`);
      await run();
    }
  };

  if (!before.exists)
    await idempotent(
      'AddBatchHead',
      async () => {
        const outcome = await m3Call(http, GL_PROGRAM, 'AddBatchHead', {
          ...ids,
          INTN: request.interface_template,
          DESC: request.description,
        });
        if (outcome.nok !== undefined && !isAlreadyExistsNok(outcome.nok))
          throw m3Error(GL_PROGRAM, 'AddBatchHead', outcome.nok);
      },
      async () => (await readGlBatch(http, request.company, request.key)).exists,
    );

  // ION takes about 32 KB per message (§1.6, [C]); a line is at most 900 characters of PARM.
  for (let start = 0; start < request.lines.length; start += LINES_PER_MESSAGE) {
    const end = Math.min(start + LINES_PER_MESSAGE, request.lines.length);
    if (before.line_count >= end) continue;
    const chunk = request.lines.slice(start, end);
    const sendLines = async () => {
      const outcomes = await m3Bulk(
        http,
        GL_PROGRAM,
        chunk.map((parm, index) => ({
          transaction: 'AddBatchLine',
          record: { ...ids, LINE: String(start + index + 1), PARM: parm },
        })),
      );
      const refused = outcomes.flatMap((outcome, index) =>
        outcome.nok !== undefined && !isAlreadyExistsNok(outcome.nok)
          ? [{ nok: outcome.nok, line: start + index + 1 }]
          : [],
      );
      const first = refused[0];
      if (first === undefined) return;
      const error = m3Error(GL_PROGRAM, 'AddBatchLine', first.nok);
      throw new ConnectorError(
        error.code,
        `M3 refused ${refused.length} of ${chunk.length} lines of batch ${request.key}; line ${first.line}: ${first.nok.message}.`,
        {
          ...(error.hint === undefined ? {} : { hint: error.hint }),
          details: {
            ...error.details,
            remoteMessages: refused.map(({ nok, line }) => ({
              message: nok.message,
              detail: `line ${line}`,
            })),
          },
        },
      );
    };
    // A repeat is always safe here: lines that arrived the first time answer "already exists".
    await idempotent(`AddBatchLine ${start + 1}-${end}`, sendLines, async () => false);
  }

  steps.push('CtrlBatch');
  try {
    await m3Execute(http, GL_PROGRAM, 'CtrlBatch', ids);
  } catch (error: unknown) {
    if (!isLostAnswer(error)) throw error;
    steps.push('CtrlBatch (again, after a lost answer)');
    await m3Execute(http, GL_PROGRAM, 'CtrlBatch', ids);
  }

  if (request.update)
    await idempotent(
      'UpdBatch',
      () => m3Execute(http, GL_PROGRAM, 'UpdBatch', ids).then(() => undefined),
      async () => (await readGlBatch(http, request.company, request.key)).stage === 'updated',
    );
  return { state: await readGlBatch(http, request.company, request.key), duplicate: false, steps };
}
