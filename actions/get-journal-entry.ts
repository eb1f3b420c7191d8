import { z } from 'zod';
import { ConnectorError } from '../sdk/errors';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import {
  journalEntryLineSchema,
  journalSummarySchema,
  SAMPLE_JOURNAL_SUMMARY,
  summaryOfEntry,
} from '../workday/journal-entry-output';
import { financialManagementProbe } from '../workday/probes';
import { createFinancialManagement } from '../workday/soap/financial-management';

/** Reads one accounting journal by its Accounting Journal ID (SOAP Get_Journals). */
export const getJournalEntry = defineAction({
  title: 'Get journal entry',
  subtitle: 'Read a GL journal by Journal ID',
  description: 'Gets an accounting journal from Workday Financials by its Journal ID.',
  scopes: [FUNCTIONAL_AREAS.commonFinancialManagement],
  probes: [financialManagementProbe],
  read_only: true,
  input_fields: z.object({
    journal_id: z.string().trim().min(1).max(100).meta({
      label: 'Journal ID',
      hint: 'Accounting Journal ID, e.g. the Journal ID output of Post journal entry.',
      sticky: true,
    }),
  }),
  output_fields: journalSummarySchema.extend({
    source: z.string().optional().meta({ label: 'Journal source' }),
    memo: z.string().optional().meta({ label: 'Memo' }),
    lines: z.array(journalEntryLineSchema).meta({ label: 'Lines' }),
  }),
  async execute({ connection, http, input }) {
    const fm = createFinancialManagement(http, parseWorkdayEndpoints(connection));
    const entry = await fm.getJournalById(input.journal_id);
    if (entry === undefined) {
      throw new ConnectorError(
        'not_found',
        `Journal "${input.journal_id}" was not found in Workday.`,
        {
          hint: 'Check the Journal ID (Accounting Journal ID); it is case-sensitive.',
        },
      );
    }
    return {
      ...summaryOfEntry(entry, input.journal_id),
      ...(entry.source === undefined ? {} : { source: entry.source }),
      ...(entry.memo === undefined ? {} : { memo: entry.memo }),
      lines: entry.lines.map((line) => ({
        ...(line.ledgerAccount === undefined ? {} : { ledger_account: line.ledgerAccount }),
        ...(line.debit === undefined ? {} : { debit: line.debit }),
        ...(line.credit === undefined ? {} : { credit: line.credit }),
        ...(line.memo === undefined ? {} : { memo: line.memo }),
        worktags: line.worktags,
      })),
    };
  },
  sample_output: {
    ...SAMPLE_JOURNAL_SUMMARY,
    source: 'Integration',
    memo: 'March travel accrual',
    lines: [
      {
        ledger_account: '6000',
        debit: '1250.00',
        memo: 'Travel',
        worktags: [{ type: 'Cost_Center_Reference_ID', id: 'CC-100' }],
      },
      { ledger_account: '2100', credit: '1250.00', worktags: [] },
    ],
  },
});
