import { z } from 'zod';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import {
  importStatusSchema,
  referenceIdSchema,
  SAMPLE_IMPORT_STATUS,
} from '../workday/import-output';
import { followImport } from '../workday/journal-import';
import { financialManagementProbe } from '../workday/probes';
import { createFinancialManagement } from '../workday/soap/financial-management';
import { createIntegrations } from '../workday/soap/integrations';

const MAX_WAIT_SECONDS = 3600;

/** Reads (and optionally waits for) an import started by Import large journal. */
export const getImportStatus = defineAction({
  title: 'Get import status',
  subtitle: 'Follow an Import_Accounting_Journal by its import process reference',
  description:
    'Gets the status and messages of a journal import from Workday, waiting for it to finish if asked.',
  help:
    'Use the Import process reference output of Import large journal. Messages name the line of ' +
    'the import (Workday line n is the n-th journal line).',
  read_only: true,
  scopes: [FUNCTIONAL_AREAS.commonFinancialManagement],
  probes: [financialManagementProbe],
  input_fields: z.object({
    import_process: z
      .array(referenceIdSchema, { error: 'is required, as the import process reference IDs' })
      .min(1, 'needs at least one ID')
      .meta({
        label: 'Import process reference',
        hint: 'The Import process reference output of Import large journal, e.g. [{"type": "WID", "value": "…"}].',
      }),
    journal_id: z.string().trim().min(1).max(100).optional().meta({
      label: 'Journal ID',
      hint: "The import's Journal ID, to return the journal's WID and status once it completed.",
    }),
    wait_seconds: z
      .number()
      .int('must be a whole number of seconds')
      .min(0, 'must be 0 or more')
      .max(MAX_WAIT_SECONDS, `must be at most ${MAX_WAIT_SECONDS}`)
      .default(0)
      .meta({
        label: 'Wait (seconds)',
        hint: 'How long to wait for the import to finish; 0 (default) reads the status once.',
      }),
  }),
  output_fields: importStatusSchema,
  async execute({ connection, http, input, progress, log }) {
    const endpoints = parseWorkdayEndpoints(connection);
    const ctx = {
      fm: createFinancialManagement(http, endpoints),
      integrations: createIntegrations(http, endpoints),
      progress,
      log,
      waitMs: input.wait_seconds * 1000,
    };
    const reference = input.import_process.map((id) => ({ type: id.type, value: id.value }));
    return followImport(
      {
        ctx,
        deadline: Date.now() + ctx.waitMs,
        ...(input.journal_id === undefined ? {} : { journalId: input.journal_id }),
      },
      reference,
    );
  },
  sample_output: SAMPLE_IMPORT_STATUS,
});
