import { ConnectorError } from '../../../sdk/errors';
import type { HttpClient } from '../../../sdk/define';

/** The MI answer of one transaction: its records, or the NOK M3 returned inside an HTTP 200. */
export interface M3Outcome {
  transaction: string;
  records: Array<Record<string, string>>;
  nok?: M3Nok;
}

/** An M3 "NOK": the ERP refused the transaction; the HTTP exchange itself succeeded. */
export interface M3Nok {
  message: string;
  code?: string;
  field?: string;
  type?: string;
}

/** The M3 REST base under an ION gateway tenant: `{iu}/{ti}/M3/m3api-rest/v2/` (§1.3). */
const M3_V2 = 'M3/m3api-rest/v2/execute';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function unexpected(what: string): ConnectorError {
  return new ConnectorError(
    'unexpected_response',
    `M3 answered ${what}, not an m3api-rest v2 result.`,
    {
      hint: 'Check that "iu" is the ION API Gateway URL and that the tenant has the M3 API suite.',
    },
  );
}

/** Reads the v2 `results[]` array (§1.6: `{results:[{transaction, records, errorMessage, ...}]}`). */
export function parseV2(body: unknown): M3Outcome[] {
  if (
    typeof body !== 'object' ||
    body === null ||
    !Array.isArray((body as { results?: unknown }).results)
  )
    throw unexpected('a body without "results"');
  return (body as { results: unknown[] }).results.map((raw) => {
    const result = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const records = Array.isArray(result.records)
      ? (result.records as unknown[]).map((record) =>
          Object.fromEntries(
            Object.entries(typeof record === 'object' && record !== null ? record : {}).map(
              ([k, v]) => [k, String(v ?? '').trim()],
            ),
          ),
        )
      : [];
    const message = text(result.errorMessage);
    const code = text(result.errorCode);
    const outcome: M3Outcome = { transaction: String(result.transaction ?? ''), records };
    if (message !== undefined || code !== undefined) {
      const field = text(result.errorField);
      const type = text(result.errorType);
      outcome.nok = {
        message: message ?? code ?? 'NOK',
        ...(code === undefined ? {} : { code }),
        ...(field === undefined ? {} : { field }),
        ...(type === undefined ? {} : { type }),
      };
    }
    return outcome;
  });
}

/**
 * True for an M3 authority refusal: the `XAU` message family (e.g. XAU0008 "Not authorized for
 * company", other-systems.md §1.5) or its wording. It is layer 3 of §1.5, the ERP user behind
 * the service account, not the token or the gateway.
 */
export function isAuthorityNok(nok: M3Nok): boolean {
  return (nok.code ?? '').toUpperCase().startsWith('XAU') || /not authori[sz]ed/i.test(nok.message);
}

/** True when M3 refused a write because its key exists already (a repeat of an earlier write). */
export function isAlreadyExistsNok(nok: M3Nok): boolean {
  return /already exists/i.test(nok.message);
}

/**
 * The error for a NOK: an authority refusal is `insufficient_scope` with `details.layer` `erp`
 * and HTTP status 200 (so it is never mistaken for the gateway's 401 or 403); any other NOK is
 * `remote_validation` naming M3's field and message.
 */
export function m3Error(program: string, transaction: string, nok: M3Nok): ConnectorError {
  const said = `${nok.message}${nok.code === undefined ? '' : ` (${nok.code})`}`;
  const details = {
    status: 200,
    layer: 'erp',
    m3: { program, transaction, ...nok },
    remoteMessages: [
      {
        message: nok.message,
        ...(nok.field === undefined ? {} : { detail: `field ${nok.field}` }),
      },
    ],
  };
  if (isAuthorityNok(nok))
    return new ConnectorError(
      'insufficient_scope',
      `M3 refused ${program}/${transaction} inside an HTTP 200: ${said}.`,
      {
        hint:
          'The token and the gateway accepted the call; the ERP user behind the service account lacks M3 authority ' +
          `for ${program} (or for the company). Grant it in M3 security; changing the authorized app or its scopes will not help.`,
        details,
      },
    );
  return new ConnectorError('remote_validation', `M3 refused ${program}/${transaction}: ${said}.`, {
    hint: nok.field === undefined ? 'Correct the values M3 names.' : `Correct ${nok.field}.`,
    details,
  });
}

/** Drops empty parameters: M3 reads an empty field as "blank", not "absent". */
function params(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}

/**
 * Runs one MI transaction (v2 single call: `GET M3/m3api-rest/v2/execute/{program}/{transaction}`)
 * and returns its outcome without throwing on a NOK, so callers can tell "already exists" from a
 * real refusal. No automatic retry: the caller decides whether a lost answer may be repeated.
 */
export async function m3Call(
  http: HttpClient,
  program: string,
  transaction: string,
  values: Record<string, string | undefined>,
): Promise<M3Outcome> {
  const response = await http.request({
    method: 'GET',
    url: `${M3_V2}/${encodeURIComponent(program)}/${encodeURIComponent(transaction)}`,
    query: params(values),
  });
  const [outcome] = parseV2(response.data);
  if (outcome === undefined) throw unexpected('an empty "results" list');
  return outcome;
}

/** {@link m3Call} that throws {@link m3Error} on a NOK. */
export async function m3Execute(
  http: HttpClient,
  program: string,
  transaction: string,
  values: Record<string, string | undefined>,
): Promise<Array<Record<string, string>>> {
  const outcome = await m3Call(http, program, transaction, values);
  if (outcome.nok !== undefined) throw m3Error(program, transaction, outcome.nok);
  return outcome.records;
}

/**
 * Runs many transactions of one program in one message (v2 bulk: `POST M3/m3api-rest/v2/execute`,
 * body `{program, transactions:[{transaction, record}]}`), one outcome per transaction, in order.
 */
export async function m3Bulk(
  http: HttpClient,
  program: string,
  transactions: ReadonlyArray<{ transaction: string; record: Record<string, string | undefined> }>,
): Promise<M3Outcome[]> {
  const response = await http.request({
    method: 'POST',
    url: M3_V2,
    json: {
      program,
      transactions: transactions.map((t) => ({
        transaction: t.transaction,
        record: params(t.record),
      })),
    },
  });
  const outcomes = parseV2(response.data);
  if (outcomes.length !== transactions.length)
    throw unexpected(`${outcomes.length} results for ${transactions.length} transactions`);
  return outcomes;
}
