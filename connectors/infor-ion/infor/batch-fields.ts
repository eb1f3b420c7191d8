import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';
import { defineProbe } from './definers';
import { GL_PROGRAM } from './gl-batch';
import { m3Call, m3Error } from './m3';
import { readM3User } from './m3-user';

/** M3 company (CONO): up to three digits. */
export const companyField = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, 'expected the M3 company number, 1 to 3 digits (CONO), e.g. "100"')
  .meta({ label: 'Company (CONO)', hint: 'e.g. 100' });

/** M3 division (DIVI), when the company uses divisions. */
export const divisionField = z
  .string()
  .trim()
  .min(1)
  .max(3)
  .optional()
  .meta({ label: 'Division (DIVI)', hint: 'Only when the company uses divisions, e.g. AAA.' });

/** A batch as the batch actions return it. */
export const batchOutput = z.object({
  batch_key: z.string(),
  company: z.string(),
  exists: z.boolean(),
  status: z.string().optional().meta({ hint: 'FGLINH status as M3 stores it.' }),
  stage: z.enum(['added', 'validated', 'updated']).optional(),
  line_count: z.number().int(),
  duplicate: z.boolean().optional(),
  steps: z.array(z.string()).optional(),
});

/** The key the doctor's probe validates: no batch has it, so nothing can change. */
const PROBE_KEY = '~DOCTOR~PROBE~';

/**
 * Proves M3 authority for GLS840MI without writing: CtrlBatch of a batch key that does not exist.
 * An authority refusal (XAU) fails the probe; "does not exist" means M3 let the user in.
 */
export const batchProbe = defineProbe({
  name: `${GL_PROGRAM}/CtrlBatch (batch that does not exist)`,
  scope: `M3 authority ${GL_PROGRAM}`,
  async run({ http }) {
    const user = await readM3User(http);
    const outcome = await m3Call(http, GL_PROGRAM, 'CtrlBatch', {
      CONO: user.company,
      KEY1: PROBE_KEY,
    });
    if (outcome.nok === undefined)
      throw new ConnectorError(
        'unexpected_response',
        `M3 validated batch ${PROBE_KEY}, which should not exist.`,
      );
    const error = m3Error(GL_PROGRAM, 'CtrlBatch', outcome.nok);
    if (error.code === 'insufficient_scope') throw error;
    return { authorized: true, said: outcome.nok.message };
  },
});
