import { z } from 'zod';
import { defineAction } from '../workiva/definers';
import { WORKIVA_PATHS } from '../workiva/api';
import { fileReadProbe } from '../workiva/probes';
import { parseAnswer, sheetSchema, sheetsPageSchema } from '../workiva/records';
import { idField } from '../workiva/inputs';

/** Lists the sheets of a spreadsheet. */
export const listSheets = defineAction({
  title: 'List sheets',
  subtitle: "A spreadsheet's sheets",
  description: 'Lists the sheets of a spreadsheet with their IDs and names.',
  read_only: true,
  scopes: ['file:read'],
  probes: [fileReadProbe],
  input_fields: z.object({
    spreadsheet_id: idField('Spreadsheet ID', 'The file ID of the spreadsheet (List files).'),
  }),
  output_fields: z.object({ sheets: z.array(sheetSchema) }),
  async execute({ http, input }) {
    const sheets = [];
    let page = parseAnswer(
      sheetsPageSchema,
      await http.get(WORKIVA_PATHS.sheets(input.spreadsheet_id)),
      'sheets',
    );
    for (;;) {
      sheets.push(...page.data);
      const next = page['@nextLink'];
      if (next === undefined || next === null) return { sheets };
      page = parseAnswer(sheetsPageSchema, await http.get(next), 'sheets');
    }
  },
  sample_output: { sheets: [{ id: 'sh-summary', name: 'Summary', index: 0 }] },
});
