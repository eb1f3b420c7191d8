import { z } from 'zod';
import { defineAction } from '../workiva/definers';
import { WORKIVA_PATHS } from '../workiva/api';
import { idField, rangeField } from '../workiva/inputs';
import { fileReadProbe } from '../workiva/probes';
import { cellSchema, parseAnswer, rangeValuesSchema } from '../workiva/records';

/** Reads the values of a range of one sheet. */
export const readRange = defineAction({
  title: 'Read range',
  subtitle: 'Values of an A1 range of a sheet',
  description: 'Reads the cell values of an A1 range of a spreadsheet sheet.',
  read_only: true,
  scopes: ['file:read'],
  probes: [fileReadProbe],
  input_fields: z.object({
    spreadsheet_id: idField('Spreadsheet ID', 'The file ID of the spreadsheet.'),
    sheet_id: idField('Sheet ID', 'From List sheets.'),
    range: rangeField,
  }),
  output_fields: z.object({ range: z.string(), values: z.array(z.array(cellSchema)) }),
  async execute({ http, input }) {
    const url = WORKIVA_PATHS.values(input.spreadsheet_id, input.sheet_id, input.range);
    let page = parseAnswer(rangeValuesSchema, await http.get(url), 'range values');
    const first = page.data[0];
    const values = [];
    for (;;) {
      for (const part of page.data) values.push(...part.values);
      const next = page['@nextLink'];
      if (next === undefined || next === null) break;
      page = parseAnswer(rangeValuesSchema, await http.get(next), 'range values');
    }
    return { range: first?.range ?? input.range, values };
  },
  sample_output: {
    range: 'A1:C2',
    values: [
      ['Cost center', 'FY26 FTE', 'FY27 FTE'],
      ['EAST', 40, 42.5],
    ],
  },
});
