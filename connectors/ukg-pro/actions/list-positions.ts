import { z } from 'zod';
import { defineAction } from '../ukg/definers';
import { pageInfo, pagingInput, pagingOutput } from '../ukg/paging';
import { companyConfigurationProbe } from '../ukg/probes';
import { parseRecords, positionSchema } from '../ukg/records';
import { SAMPLE_POSITION } from '../ukg/samples';
import { describePermission, PERMISSIONS, UKG_PATHS } from '../ukg/web-services';

/** Lists positions, one page at a time. */
export const listPositions = defineAction({
  title: 'List positions',
  subtitle: 'Positions with their org levels, status and approval',
  description: 'Lists positions with optional filters, one page at a time.',
  read_only: true,
  scopes: [describePermission(PERMISSIONS.companyConfiguration)],
  probes: [companyConfigurationProbe],
  input_fields: z.object({
    company_id: z.string().trim().min(1).optional().meta({ label: 'Company ID' }),
    status_code: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ label: 'Status code', hint: 'e.g. A (active).' }),
    position_code: z.string().trim().min(1).optional().meta({ label: 'Position code' }),
    ...pagingInput,
  }),
  output_fields: z.object({ positions: z.array(positionSchema), ...pagingOutput }),
  async execute({ http, input }) {
    const data = await http.get(UKG_PATHS.positions, {
      companyId: input.company_id,
      statusCode: input.status_code,
      positionCode: input.position_code,
      page: input.page,
      per_Page: input.per_page,
    });
    const positions = parseRecords(positionSchema, data, 'positions');
    return { positions, ...pageInfo(positions.length, input.page, input.per_page) };
  },
  sample_output: { positions: [SAMPLE_POSITION], page: 1, per_page: 100, has_more: false },
});
