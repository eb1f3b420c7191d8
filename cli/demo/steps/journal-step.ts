import { randomBytes } from 'node:crypto';
import { isConnectorError } from '../../../sdk/errors';
import { check } from '../demo-context';
import { note, pairs, passLine, table } from '../format';
import { list, text } from '../read';
import type { DemoContext, DemoStep } from '../demo-context';

const TENANT = 'acme_us';

interface JournalLine {
  ledger_account: string;
  debit?: string;
  credit?: string;
  memo?: string;
}

// Accounts, company and source exist in fixtures/sandbox/acme-us.json.
const BALANCED_LINES: readonly JournalLine[] = [
  { ledger_account: '6000', debit: '120.50', memo: 'Flight to client site' },
  { ledger_account: '6100', debit: '79.50', memo: 'Team dinner' },
  { ledger_account: '1000', credit: '200.00', memo: 'Paid from operating cash' },
];

function journal(journalId: string, lines: readonly JournalLine[]) {
  return {
    journal_id: journalId,
    company: 'GMS_USA',
    currency: 'USD',
    accounting_date: new Date().toISOString().slice(0, 10),
    journal_source: 'Integration',
    memo: 'npm start demo: travel expenses',
    lines,
  };
}

async function journalCount(context: DemoContext): Promise<number> {
  return (await context.sandbox.state()).journals[TENANT] ?? 0;
}

function describe(posted: unknown): Array<[string, string]> {
  return [
    ['journal id', text(posted, 'journal_id')],
    ['status', text(posted, 'status')],
    [
      'debits / credits',
      `${text(posted, 'total_debit')} / ${text(posted, 'total_credit')} ${text(posted, 'currency')}`,
    ],
    ['lines', text(posted, 'line_count')],
    ['duplicate', text(posted, 'duplicate')],
  ];
}

async function run(context: DemoContext): Promise<void> {
  const session = await context.session('us');
  const journalId = `DEMO-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
  const balanced = journal(journalId, BALANCED_LINES);
  context.write(note(`post_journal_entry: ${BALANCED_LINES.length} lines, company GMS_USA, USD`));
  context.write(
    table(
      ['account', 'debit', 'credit', 'memo'],
      BALANCED_LINES.map((line) => [
        line.ledger_account,
        line.debit ?? '',
        line.credit ?? '',
        line.memo ?? '',
      ]),
    ),
  );

  const before = await journalCount(context);
  const posted = await session.runAction('post_journal_entry', balanced);
  context.write(pairs(describe(posted)));
  check(
    text(posted, 'journal_id') === journalId,
    'the posted journal came back with another journal id',
  );
  check(text(posted, 'duplicate') === 'false', 'the first post was reported as a duplicate');
  check(
    (await journalCount(context)) === before + 1,
    'the sandbox did not store exactly one journal',
  );
  context.write(passLine('sandbox stored 1 journal'));

  context.write(note(`post_journal_entry again with journal id ${journalId}:`));
  const again = await session.runAction('post_journal_entry', balanced);
  context.write(pairs(describe(again)));
  check(
    text(again, 'duplicate') === 'true',
    'posting the same journal id again was not recognised as a duplicate',
  );
  check((await journalCount(context)) === before + 1, 'the repeated post created a second journal');
  context.write(passLine('duplicate: true, and the sandbox still holds 1 journal for that id'));

  const unbalanced = journal(`${journalId}-X`, [
    { ledger_account: '6000', debit: '100.00' },
    { ledger_account: '1000', credit: '99.99' },
  ]);
  context.write(note('post_journal_entry unbalanced (debit 100.00, credit 99.99):'));
  const requestsBefore = (await context.sandbox.state()).requests.total;
  const refusal = await session.runAction('post_journal_entry', unbalanced).then(
    () => undefined,
    (error: unknown) => error,
  );
  const requestsAfter = (await context.sandbox.state()).requests.total;
  check(
    isConnectorError(refusal) && refusal.code === 'invalid_input',
    'the unbalanced journal was not refused as invalid input',
  );
  const issues = list(refusal.details, 'issues');
  context.write(
    pairs([
      ['refused', `[${refusal.code}] ${refusal.message}`],
      ...issues.map((issue): [string, string] => [
        `  ${text(issue, 'path') || '(journal)'}`,
        text(issue, 'message'),
      ]),
      ['sandbox requests', `${requestsBefore} before, ${requestsAfter} after`],
    ]),
  );
  check(
    requestsAfter === requestsBefore,
    'the unbalanced journal reached the sandbox before it was refused',
  );
  context.write(passLine('refused before any call: the sandbox request counter did not move'));
}

/** Step 3: a balanced journal, the same journal again (duplicate), an unbalanced one refused. */
export const journalStep: DemoStep = { title: 'Journal entries: post, repost, refuse', run };
