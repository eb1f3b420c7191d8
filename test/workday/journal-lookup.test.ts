/**
 * The journal lookup that decides whether an import must be sent again: a large journal's
 * Get_Journals answer (every line, ~95 MB for 100,000 lines) is over the response size limit,
 * and that refusal of a successful answer means the journal is there.
 */
import { ConnectorError } from '../../sdk/errors';
import { errorForRefusedBody } from '../../sdk/http/refused-body';
import { lookUpJournal } from '../../workday/journal-import';
import type { FinancialManagement } from '../../workday/soap/financial-management';

function fmFailingWith(error: Error): Pick<{ fm: FinancialManagement }, 'fm'> {
  return {
    fm: { getJournalById: () => Promise.reject(error) } as unknown as FinancialManagement,
  };
}

describe('lookUpJournal()', () => {
  it('takes a successful answer too large to read as the journal existing', async () => {
    const tooLarge = errorForRefusedBody('POST', 'https://wd.example/ccx/service/t/FM', {
      status: 200,
      reason: 'too_large',
      detail: 'declares 94557798 bytes, more than the 33554432-byte limit (maxResponseBytes.text)',
      limitBytes: 33554432,
    });
    await expect(lookUpJournal(fmFailingWith(tooLarge), 'JE-BIG')).resolves.toEqual({
      id: 'JE-BIG',
      lines: [],
    });
  });

  it('passes on a too-large error answer and any other failure', async () => {
    const tooLarge500 = errorForRefusedBody('POST', 'https://wd.example/x', {
      status: 500,
      reason: 'too_large',
      detail: 'is larger than the 10-byte limit (maxResponseBytes.text)',
      limitBytes: 10,
    });
    await expect(lookUpJournal(fmFailingWith(tooLarge500), 'JE-1')).rejects.toBe(tooLarge500);
    const transport = new ConnectorError('transport', 'Request failed before a response arrived');
    await expect(lookUpJournal(fmFailingWith(transport), 'JE-1')).rejects.toBe(transport);
  });

  it('returns what Get_Journals found, or undefined', async () => {
    const entry = { id: 'JE-1', wid: 'abc', lines: [] };
    const fm = (value: unknown) => ({
      fm: { getJournalById: () => Promise.resolve(value) } as unknown as FinancialManagement,
    });
    await expect(lookUpJournal(fm(entry), 'JE-1')).resolves.toBe(entry);
    await expect(lookUpJournal(fm(undefined), 'JE-1')).resolves.toBeUndefined();
  });
});
