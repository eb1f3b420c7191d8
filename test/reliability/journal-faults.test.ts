/**
 * `post_journal_entry` under faults: whatever happens on the wire, a journal is booked at most
 * once, and a submission whose outcome is unknown is looked up by its Journal ID before it is
 * ever sent again (never a blind retry of the POST).
 */
import { useSandboxFixture } from '../helpers/sandbox-session';
import type { SandboxFixture } from '../helpers/sandbox-session';
import { caught } from '../helpers/caught';
import { createExchangeLog } from '../helpers/exchange-log';

const TENANT = 'acme_us';

function journalInput(journalId: string): Record<string, unknown> {
  return {
    journal_id: journalId,
    company: 'GMS_USA',
    currency: 'USD',
    accounting_date: '2026-03-31',
    journal_source: 'Integration',
    memo: 'Reliability suite',
    lines: [
      { ledger_account: '6000', debit: '100.10' },
      { ledger_account: '2100', credit: '100.10' },
    ],
  };
}

const fixture = useSandboxFixture();

async function journals(f: SandboxFixture = fixture): Promise<number> {
  return (await f.state()).journals[TENANT] ?? 0;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls the sandbox until `journals()` reaches `count` (abandoned submits commit late). */
async function journalsReach(
  count: number,
  f: SandboxFixture = fixture,
  timeoutMs = 5000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await journals(f);
    if (now >= count || Date.now() > deadline) return now;
    await sleep(50);
  }
}

it('after a 500 on the submit, looks the journal up before submitting again, and books it once', async () => {
  fixture.setFaults({
    serverError: { status: 500, count: 1, match: 'Submit_Accounting_Journal' },
  });
  const log = createExchangeLog();
  const session = fixture.session('us', {}, { onExchange: log.onExchange });

  const result = await session.runAction('post_journal_entry', journalInput('JE-REL-5XX'));

  expect(result).toMatchObject({ journal_id: 'JE-REL-5XX', duplicate: false });
  const operations = log.soapOperations();
  // The lookup sits between the failed submit and the second one: no blind retry.
  expect(operations.slice(0, 3)).toEqual([
    'Submit_Accounting_Journal',
    'Get_Journals',
    'Submit_Accounting_Journal',
  ]);
  const state = await fixture.state();
  expect(state.requests.byRoute['soap.Submit_Accounting_Journal']).toBe(2);
  expect(state.faults.fired.serverError).toBe(1);
  expect(await journals()).toBe(1);
});

it('never submits more than three times when every submit fails with a 5xx, and books nothing', async () => {
  fixture.setFaults({ serverError: { status: 503, match: 'Submit_Accounting_Journal' } });
  const session = fixture.session('us');

  const error = await caught(session.runAction('post_journal_entry', journalInput('JE-REL-503')));

  expect(error.code).toBe('remote_error');
  expect(error.message).toContain('JE-REL-503');
  expect(error.hint).toContain('JE-REL-503');
  expect(await fixture.count('soap.Submit_Accounting_Journal')).toBe(3);
  expect(await fixture.count('soap.Get_Journals')).toBe(3);
  expect(await journals()).toBe(0);
});

it('a connection reset before the submit was handled: looked up, not found, submitted again, booked once', async () => {
  fixture.setFaults({ resetBeforeResponse: { match: 'Submit_Accounting_Journal', count: 1 } });
  const log = createExchangeLog();
  const session = fixture.session('us', {}, { onExchange: log.onExchange });

  const result = await session.runAction('post_journal_entry', journalInput('JE-REL-RESET'));

  expect(result).toMatchObject({ journal_id: 'JE-REL-RESET', duplicate: false });
  expect(log.steps()).toContain('SOAP Submit_Accounting_Journal -> no response');
  expect(log.soapOperations().slice(0, 3)).toEqual([
    'Submit_Accounting_Journal',
    'Get_Journals',
    'Submit_Accounting_Journal',
  ]);
  expect((await fixture.state()).faults.fired.resetBeforeResponse).toBe(1);
  expect(await journals()).toBe(1);
});

it('a response lost after the commit: found by the lookup and returned, never submitted twice', async () => {
  fixture.setFaults({ loseResponseAfterCommit: { match: 'Submit_Accounting_Journal', count: 1 } });
  const log = createExchangeLog();
  const session = fixture.session('us', {}, { onExchange: log.onExchange });

  const result = await session.runAction('post_journal_entry', journalInput('JE-REL-LOST'));

  expect(result).toMatchObject({
    journal_id: 'JE-REL-LOST',
    duplicate: false,
    total_debit: '100.10',
    total_credit: '100.10',
    line_count: 2,
  });
  expect(log.soapOperations()).toEqual(['Submit_Accounting_Journal', 'Get_Journals']);
  expect(await fixture.count('soap.Submit_Accounting_Journal')).toBe(1);
  expect(await journals()).toBe(1);
});

it('a garbled answer to a committed submit is resolved by the lookup, booked once', async () => {
  fixture.setFaults({
    malformed: { kind: 'soap_unexpected', match: 'Submit_Accounting_Journal', count: 1 },
  });
  const session = fixture.session('us');

  const result = await session.runAction('post_journal_entry', journalInput('JE-REL-GARBLED'));

  expect(result).toMatchObject({ journal_id: 'JE-REL-GARBLED', duplicate: false });
  expect(await fixture.count('soap.Submit_Accounting_Journal')).toBe(1);
  expect(await journals()).toBe(1);
});

// Submits the client abandoned commit (or are refused) up to a second after the test ends. This
// test gets a sandbox of its own, so they can never land in the fresh fixtures of another test.
describe('late submits, own sandbox (1)', () => {
  const own = useSandboxFixture();

  it('latency above the timeout, then the journal lands: the lookups find it, booked once', async () => {
    // Each submit commits 400 ms after it arrives; the client gives up on each after 150 ms and
    // looks the journal up before resubmitting, until a lookup finds the first one committed.
    own.setFaults({ latencyMs: 400, latencyMatch: 'Submit_Accounting_Journal' });
    const session = own.session('us', {}, { http: { timeoutMs: 150 } });

    const result = await session.runAction('post_journal_entry', journalInput('JE-REL-LATE'));

    expect(result).toMatchObject({ journal_id: 'JE-REL-LATE', duplicate: false });
    // The abandoned submits still arrive late; Add_Only refuses them as duplicates.
    await sleep(700);
    expect(await journals(own)).toBe(1);
  });
});

// Submits the client abandoned commit (or are refused) up to a second after the test ends. This
// test gets a sandbox of its own, so they can never land in the fresh fixtures of another test.
describe('late submits, own sandbox (2)', () => {
  const own = useSandboxFixture();

  it('latency above the timeout throughout: a clear transport error, and a rerun with the same ID books nothing twice', async () => {
    // Three submits (100 ms timeout each) and their lookups are over long before the first
    // commit at 1 s, even on a loaded machine.
    own.setFaults({ latencyMs: 1000, latencyMatch: 'Submit_Accounting_Journal' });
    const session = own.session('us', {}, { http: { timeoutMs: 100 } });

    const error = await caught(
      session.runAction('post_journal_entry', journalInput('JE-REL-SLOW')),
    );

    expect(error.code).toBe('transport');
    expect(error.message).toContain('timed out after 100 ms');
    expect(error.message).toContain('JE-REL-SLOW');
    expect(error.hint).toContain('JE-REL-SLOW');
    expect(await own.count('soap.Submit_Accounting_Journal')).toBe(3);
    // The submits the client abandoned still arrive: the first commits, the others are refused
    // as duplicates of it (Add_Only).
    expect(await journalsReach(1, own)).toBe(1);
    await sleep(400);
    expect(await journals(own)).toBe(1);

    own.setFaults({});
    const rerun = await own
      .session('us')
      .runAction('post_journal_entry', journalInput('JE-REL-SLOW'));
    expect(rerun).toMatchObject({ journal_id: 'JE-REL-SLOW', duplicate: true });
    expect(await journals(own)).toBe(1);
  });
});

it('posting the same journal concurrently from two runs books it once', async () => {
  const session = fixture.session('us');
  const input = journalInput('JE-REL-TWICE');

  const results = await Promise.all([
    session.runAction('post_journal_entry', input),
    session.runAction('post_journal_entry', input),
  ]);

  const duplicates = results.map((r) => (r as { duplicate: boolean }).duplicate).sort();
  expect(duplicates).toEqual([false, true]);
  expect(await journals()).toBe(1);
});
