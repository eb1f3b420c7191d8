import { z } from 'zod';
import { defineAction } from '../infor/definers';
import { GL_PROGRAM, postGlBatch } from '../infor/gl-batch';
import { batchOutput, batchProbe, companyField, divisionField } from '../infor/batch-fields';

const input = z.object({
  company: companyField,
  division: divisionField,
  batch_key: z.string().trim().min(1).max(15).meta({
    label: 'Batch key (KEY1)',
    hint: 'Unique per batch, at most 15 characters; the idempotency key: a rerun with the same key never posts twice. Take it from the source record.',
  }),
  interface_template: z.string().trim().min(1).max(15).meta({
    label: 'Interface (INTN)',
    hint: 'The GLS850 interface template that defines the line layout, e.g. PAYROLL.',
  }),
  description: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .meta({ label: 'Description (DESC)', hint: 'At most 40 characters.' }),
  lines: z
    .array(
      z.object({
        parm: z.string().min(1).max(900).meta({
          label: 'Line (PARM)',
          hint: 'One positioned line in the layout of the interface template (GLS850), at most 900 characters.',
        }),
      }),
    )
    .min(1)
    .max(999)
    .meta({ label: 'Lines', hint: 'Sent as AddBatchLine LINE 1, 2, ... in this order.' }),
  update: z.boolean().default(true).meta({
    label: 'Update the GL',
    hint: 'Run UpdBatch (GLS840 option 9) after CtrlBatch validated the batch; false stops after validation.',
  }),
});

export const postGlBatchAction = defineAction({
  title: 'Post GL batch (M3 GLS840MI)',
  description:
    'Posts a general-ledger batch through M3 GLS840MI: header, lines, validation and update, once per batch key.',
  help:
    'AddBatchHead, AddBatchLine (25 lines per message), CtrlBatch, then UpdBatch. A lost answer is ' +
    'settled by reading the batch back before anything is sent again, so a batch is updated once.',
  scopes: ['Infor-M3', `M3 authority ${GL_PROGRAM}`],
  probes: [batchProbe],
  input_fields: input,
  output_fields: batchOutput,
  // Writes: only 429 (refused, nothing done) is retried by the client; lost answers are settled
  // by reading back, never by resending blindly.
  retry_on_request: [],
  async execute({ http, input: request }) {
    const outcome = await postGlBatch(http, {
      company: request.company,
      ...(request.division === undefined ? {} : { division: request.division }),
      key: request.batch_key,
      interface_template: request.interface_template,
      description: request.description,
      lines: request.lines.map((line) => line.parm),
      update: request.update,
    });
    return {
      batch_key: request.batch_key,
      company: request.company,
      exists: outcome.state.exists,
      ...(outcome.state.status === undefined ? {} : { status: outcome.state.status }),
      ...(outcome.state.stage === undefined ? {} : { stage: outcome.state.stage }),
      line_count: outcome.state.line_count,
      duplicate: outcome.duplicate,
      steps: outcome.steps,
    };
  },
  sample_output: {
    batch_key: 'PAY2405001',
    company: '100',
    exists: true,
    status: '90',
    stage: 'updated',
    line_count: 2,
    duplicate: false,
    steps: ['AddBatchHead', 'AddBatchLine 1-2', 'CtrlBatch', 'UpdBatch'],
  },
});
