import { z } from 'zod';
import { defineAction } from '../ukg/definers';
import { pageInfo, pagingInput, pagingOutput } from '../ukg/paging';
import { personnelProbe } from '../ukg/probes';
import { parseRecords, personDetailsSchema } from '../ukg/records';
import { SAMPLE_PERSON } from '../ukg/samples';
import { describePermission, PERMISSIONS, UKG_PATHS } from '../ukg/web-services';

const filter = (label: string, hint: string) =>
  z.string().trim().min(1).optional().meta({ label, hint });

/** Searches person details, one page at a time. */
export const searchEmployees = defineAction({
  title: 'Search employees',
  subtitle: 'Find employees by company, name, e-mail or state',
  description: 'Searches employees (person details) with optional filters, one page at a time.',
  read_only: true,
  scopes: [describePermission(PERMISSIONS.personDetails)],
  probes: [personnelProbe],
  input_fields: z.object({
    company_id: filter('Company ID', 'Only this company, e.g. J9A6Y.'),
    last_name: filter('Last name', 'Exact last name.'),
    email_address: filter('E-mail address', 'Exact e-mail address.'),
    address_state: filter('State', 'Two-letter state of the home address, e.g. FL.'),
    ...pagingInput,
  }),
  output_fields: z.object({ employees: z.array(personDetailsSchema), ...pagingOutput }),
  async execute({ http, input }) {
    const data = await http.get(UKG_PATHS.personDetails, {
      companyId: input.company_id,
      lastName: input.last_name,
      emailAddress: input.email_address,
      addressState: input.address_state,
      page: input.page,
      per_Page: input.per_page,
    });
    const employees = parseRecords(personDetailsSchema, data, 'person-details');
    return { employees, ...pageInfo(employees.length, input.page, input.per_page) };
  },
  sample_output: { employees: [SAMPLE_PERSON], page: 1, per_page: 100, has_more: false },
});
