import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Options of {@link writeJournalCsv}. */
export interface JournalCsvOptions {
  /** 0-based data rows whose ledger account is replaced by one the sandbox does not have. */
  unknownAccountAt?: readonly number[];
}

/**
 * Writes a balanced journal CSV of `lines` rows (an even number): debits on 6000 with a cost
 * center, credits of the same amounts on 2100. Written as a stream, so it costs no memory.
 * @returns the total of the debits, as a decimal string
 */
export async function writeJournalCsv(
  file: string,
  lines: number,
  options: JournalCsvOptions = {},
): Promise<string> {
  const unknown = new Set(options.unknownAccountAt ?? []);
  const out = createWriteStream(file);
  let cents = 0n;
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('ledger_account,debit,credit,memo,worktag.Cost_Center_Reference_ID\n');
  for (let i = 0; i < lines; i += 2) {
    const amount = BigInt((i % 997) + 1) * 100n + 25n;
    cents += amount;
    const text = `${amount / 100n}.${String(amount % 100n).padStart(2, '0')}`;
    const debitAccount = unknown.has(i) ? '9999' : '6000';
    const creditAccount = unknown.has(i + 1) ? '9998' : '2100';
    await write(`${debitAccount},${text},,"Allocation ${i}, part A",CC-100\n`);
    await write(`${creditAccount},,${text},Allocation ${i},\n`);
  }
  out.end();
  await once(out, 'finish');
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
