import { z } from 'zod';
import { batchOutput, batchProbe, companyField } from '../infor/batch-fields';
import { defineAction } from '../infor/definers';
import { readGlBatch } from '../infor/gl-batch';

export const getGlBatchStatusAction = defineAction({
  title: 'Get GL batch status (M3)',
  description:
    'Reads a GLS840MI batch back: whether it exists, its FGLINH status and its line count.',
  read_only: true,
  scopes: ['Infor-M3', 'M3 authority EXPORTMI'],
  probes: [batchProbe],
  input_fields: z.object({
    company: companyField,
    batch_key: z.string().trim().min(1).max(15).meta({ label: 'Batch key (KEY1)' }),
  }),
  output_fields: batchOutput,
  async execute({ http, input }) {
    const state = await readGlBatch(http, input.company, input.batch_key);
    return {
      batch_key: input.batch_key,
      company: input.company,
      exists: state.exists,
      ...(state.status === undefined ? {} : { status: state.status }),
      ...(state.stage === undefined ? {} : { stage: state.stage }),
      line_count: state.line_count,
    };
  },
  sample_output: {
    batch_key: 'PAY2405001',
    company: '100',
    exists: true,
    status: '20',
    stage: 'validated',
    line_count: 2,
  },
});
