import { z } from 'zod';
import { defineAction } from '../ukg/definers';
import { companyConfigurationProbe } from '../ukg/probes';
import { orgLevelSchema, parseRecords } from '../ukg/records';
import { SAMPLE_ORG_LEVEL } from '../ukg/samples';
import { describePermission, PERMISSIONS, UKG_PATHS } from '../ukg/web-services';

/** Lists org levels with their budgeted FTE and salary: the headcount budget a projection reads. */
export const listOrgLevels = defineAction({
  title: 'List org levels',
  subtitle: 'Org levels with budgeted headcount (FTE) and salary',
  description: 'Lists org levels with their budget FTE and salary, optionally filtered.',
  help:
    'UKG Pro has no "workforce planning headcount" API: budgeted headcount lives on org levels ' +
    '(currentYearBudgetFTE) and positions.',
  read_only: true,
  scopes: [describePermission(PERMISSIONS.companyConfiguration)],
  probes: [companyConfigurationProbe],
  input_fields: z.object({
    level_description: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ label: 'Level description', hint: 'e.g. Region, Department.' }),
    code: z.string().trim().min(1).optional().meta({ label: 'Code', hint: 'One org level code.' }),
    budget_group: z.string().trim().min(1).optional().meta({ label: 'Budget group' }),
    is_active: z
      .boolean()
      .optional()
      .meta({ label: 'Active only', hint: 'true: active levels; false: inactive ones.' }),
  }),
  output_fields: z.object({ org_levels: z.array(orgLevelSchema) }),
  async execute({ http, input }) {
    const data = await http.get(UKG_PATHS.orgLevels, {
      levelDescription: input.level_description,
      code: input.code,
      budgetGroup: input.budget_group,
      isActive: input.is_active,
    });
    return { org_levels: parseRecords(orgLevelSchema, data, 'org-levels') };
  },
  sample_output: { org_levels: [SAMPLE_ORG_LEVEL] },
});
