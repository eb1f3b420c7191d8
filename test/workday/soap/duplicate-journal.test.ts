import { ConnectorError } from '../../../sdk/errors';
import {
  ADD_ONLY_RESUBMITTED,
  confirmDuplicateJournal,
  isAddOnlyResubmission,
} from '../../../workday/soap/duplicate-journal';
import type { JournalEntry } from '../../../workday/soap/get-journals';

function refusal(message: string, remote: string[] = []): ConnectorError {
  return new ConnectorError('remote_validation', message, {
    details: { remoteMessages: remote.map((m) => ({ message: m })) },
  });
}

describe('isAddOnlyResubmission()', () => {
  it("recognises Workday's published text, which names no journal ID", () => {
    expect(isAddOnlyResubmission(refusal('Workday refused it', [ADD_ONLY_RESUBMITTED]))).toBe(true);
    expect(
      isAddOnlyResubmission(refusal(`Validation error occurred. ${ADD_ONLY_RESUBMITTED}`)),
    ).toBe(true);
  });

  it('reads it by meaning: case, spacing, underscore and final period may differ', () => {
    for (const text of [
      'the web service is set to add only; documents cannot be resubmitted',
      'The Web Service is set to Add_Only;  documents cannot be resubmitted.',
      'The Web Service is set to Add Only;\ndocuments cannot be resubmitted.',
    ]) {
      expect(isAddOnlyResubmission(refusal('x', [text]))).toBe(true);
    }
  });

  it('is false for other refusals and other error codes', () => {
    expect(
      isAddOnlyResubmission(refusal('x', ["Accounting Journal ID 'J' is already in use"])),
    ).toBe(false);
    expect(isAddOnlyResubmission(new ConnectorError('remote_error', ADD_ONLY_RESUBMITTED))).toBe(
      false,
    );
    expect(isAddOnlyResubmission(new Error(ADD_ONLY_RESUBMITTED))).toBe(false);
  });
});

describe('confirmDuplicateJournal()', () => {
  it('returns the booked journal Workday has under that ID, or undefined', async () => {
    const booked: JournalEntry = { id: 'J-1', wid: 'ab', lines: [] };
    const fm = { getJournalById: async (id: string) => (id === 'J-1' ? booked : undefined) };
    await expect(confirmDuplicateJournal(fm, 'J-1')).resolves.toBe(booked);
    await expect(confirmDuplicateJournal(fm, 'J-2')).resolves.toBeUndefined();
  });
});
