/**
 * Helpers for the sandbox suites: a sandbox on 127.0.0.1:0 with a controllable clock, token
 * requests, SOAP envelopes. Secrets come from the running sandbox, never from fixtures.
 */
import { createHash, randomBytes } from 'node:crypto';
import { startSandbox } from '../../sandbox';
import type { SandboxConnectionSettings, SandboxHandle, StartSandboxOptions } from '../../sandbox';
import { useSuiteResource } from '../helpers/suite-resource';

/** A clock tests can move forward. */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function createClock(start = Date.now()): TestClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A sandbox whose clock the test moves. */
export type TestSandbox = SandboxHandle & { clock: TestClock };

export async function startTestSandbox(options: StartSandboxOptions = {}): Promise<TestSandbox> {
  const clock = createClock();
  const sandbox = await startSandbox({ now: clock.now, ...options });
  return Object.assign(sandbox, { clock });
}

/** Options of {@link useTestSandbox}: the sandbox's own, and whether to reset between tests. */
export interface UseTestSandboxOptions extends StartSandboxOptions {
  /**
   * Reset the sandbox (fixtures, counters, faults, issued tokens) before every test.
   * @default true
   */
  resetBeforeEach?: boolean;
}

/**
 * Registers the jest hooks of a sandbox suite: {@link startTestSandbox} in `beforeAll`, `reset()`
 * in `beforeEach` (unless turned off) and `close()` in `afterAll`, in the enclosing `describe`.
 * Returns a sandbox that forwards to the running one, for use inside tests and later hooks.
 */
export function useTestSandbox(options: UseTestSandboxOptions = {}): TestSandbox {
  const { resetBeforeEach = true, ...startOptions } = options;
  return useSuiteResource({
    name: 'test sandbox',
    start: () => startTestSandbox(startOptions),
    ...(resetBeforeEach ? { beforeEach: (sandbox: TestSandbox) => sandbox.reset() } : {}),
    close: (sandbox) => sandbox.close(),
  });
}

export function connection(sandbox: SandboxHandle, name: string): SandboxConnectionSettings {
  const found = sandbox.settings.connections[name];
  if (found === undefined) throw new Error(`No connection '${name}'.`);
  return found;
}

export function basicAuth(id: string, secret: string): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function readJson(response: Response): Promise<JsonResponse> {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

/** POSTs a form to a token endpoint; client auth by Basic unless `bodyAuth`. */
export async function tokenRequest(
  tokenEndpoint: string,
  form: Record<string, string>,
  auth: { id: string; secret: string; bodyAuth?: boolean } | undefined,
): Promise<JsonResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const params = new URLSearchParams(form);
  if (auth !== undefined && auth.bodyAuth === true) {
    params.set('client_id', auth.id);
    params.set('client_secret', auth.secret);
  } else if (auth !== undefined) {
    headers.authorization = basicAuth(auth.id, auth.secret);
  }
  return readJson(await fetch(tokenEndpoint, { method: 'POST', headers, body: params.toString() }));
}

/** An access token of a refresh-token connection (the ISU's). */
export async function accessTokenFor(sandbox: SandboxHandle, name: string): Promise<string> {
  const settings = connection(sandbox, name);
  const response = await tokenRequest(
    settings.token_endpoint,
    { grant_type: 'refresh_token', refresh_token: settings.refresh_token ?? '' },
    { id: settings.client_id, secret: settings.client_secret },
  );
  if (response.status !== 200) throw new Error(`Token request failed with ${response.status}.`);
  return String(response.body.access_token);
}

export async function getJson(url: string, token: string): Promise<JsonResponse> {
  return readJson(await fetch(url, { headers: { authorization: `Bearer ${token}` } }));
}

/** A PKCE verifier and its S256 challenge. */
export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A SOAP 1.1 envelope around a `bsvc:` request, optionally with a UsernameToken. */
export function soapEnvelope(
  request: string,
  usernameToken?: { username: string; password: string },
): string {
  const header =
    usernameToken === undefined
      ? ''
      : '<soapenv:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">' +
        `<wsse:UsernameToken><wsse:Username>${usernameToken.username}</wsse:Username>` +
        '<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">' +
        `${usernameToken.password}</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:bsvc="urn:com.workday/bsvc">' +
    `${header}<soapenv:Body>${request}</soapenv:Body></soapenv:Envelope>`
  );
}

/** One journal line: [account, 'debit' | 'credit', amount, cost center?]. */
export type LineSpec = readonly [
  account: string,
  side: 'debit' | 'credit',
  amount: string,
  costCenter?: string,
];

/** A Submit_Accounting_Journal request (payloads §4.2 shape). */
export function journalRequest(options: {
  id?: string;
  addOnly?: boolean;
  submit?: boolean;
  company?: string;
  currency?: string;
  ledgerType?: string;
  date?: string;
  source?: string;
  lines: readonly LineSpec[];
}): string {
  const lines = options.lines
    .map(([account, side, amount, costCenter]) => {
      const amountElement = side === 'debit' ? 'Debit_Amount' : 'Credit_Amount';
      const worktag =
        costCenter === undefined
          ? ''
          : `<bsvc:Worktags_Reference><bsvc:ID bsvc:type="Cost_Center_Reference_ID">${costCenter}</bsvc:ID></bsvc:Worktags_Reference>`;
      return (
        '<bsvc:Journal_Entry_Line_Replacement_Data><bsvc:Ledger_Account_Reference>' +
        `<bsvc:ID bsvc:type="Ledger_Account_ID" bsvc:parent_id="Standard" bsvc:parent_type="Account_Set_ID">${account}</bsvc:ID>` +
        `</bsvc:Ledger_Account_Reference><bsvc:${amountElement}>${amount}</bsvc:${amountElement}>` +
        `<bsvc:Memo>line</bsvc:Memo>${worktag}</bsvc:Journal_Entry_Line_Replacement_Data>`
      );
    })
    .join('');
  return (
    `<bsvc:Submit_Accounting_Journal_Request bsvc:version="v45.0" bsvc:Add_Only="${options.addOnly ?? true}">` +
    '<bsvc:Accounting_Journal_Data>' +
    (options.id === undefined
      ? ''
      : `<bsvc:Accounting_Journal_ID>${options.id}</bsvc:Accounting_Journal_ID>`) +
    `<bsvc:Submit>${options.submit ?? true}</bsvc:Submit>` +
    `<bsvc:Company_Reference><bsvc:ID bsvc:type="Company_Reference_ID">${options.company ?? 'GMS_USA'}</bsvc:ID></bsvc:Company_Reference>` +
    `<bsvc:Currency_Reference><bsvc:ID bsvc:type="Currency_ID">${options.currency ?? 'USD'}</bsvc:ID></bsvc:Currency_Reference>` +
    `<bsvc:Ledger_Type_Reference><bsvc:ID bsvc:type="Ledger_Type_ID">${options.ledgerType ?? 'Actuals'}</bsvc:ID></bsvc:Ledger_Type_Reference>` +
    `<bsvc:Accounting_Date>${options.date ?? '2026-03-31'}</bsvc:Accounting_Date>` +
    `<bsvc:Journal_Source_Reference><bsvc:ID bsvc:type="Journal_Source_ID">${options.source ?? 'Integration'}</bsvc:ID></bsvc:Journal_Source_Reference>` +
    `<bsvc:Journal_Entry_Memo>Accrual</bsvc:Journal_Entry_Memo>${lines}</bsvc:Accounting_Journal_Data>` +
    '</bsvc:Submit_Accounting_Journal_Request>'
  );
}

/** POSTs a SOAP envelope to Financial_Management, with a bearer token when given. */
export async function postSoap(
  sandbox: SandboxHandle,
  tenant: string,
  envelope: string,
  bearer?: string,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
  if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(
    `${sandbox.origin}/ccx/service/${tenant}/Financial_Management/v45.0`,
    {
      method: 'POST',
      headers,
      body: envelope,
    },
  );
  return { status: response.status, text: await response.text() };
}
