import { z } from 'zod';
import { ConnectorError, isConnectorError } from '../../../sdk/errors';
import { defineAction } from '../ukg/definers';
import { employmentProbe, personnelProbe } from '../ukg/probes';
import { employmentDetailsSchema, parseRecords, personDetailsSchema } from '../ukg/records';
import { SAMPLE_EMPLOYMENT, SAMPLE_PERSON } from '../ukg/samples';
import { describePermission, PERMISSIONS, UKG_PATHS } from '../ukg/web-services';

const id = (label: string, hint: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,20}$/, 'must be letters and digits only')
    .meta({ label, hint, sticky: true });

/** Reads one employee's person details and employment details (two calls, in parallel). */
export const getEmployee = defineAction({
  title: 'Get employee',
  subtitle: "Read an employee's person and employment details",
  description:
    "Gets an employee's person details and employment details by company and employee ID.",
  read_only: true,
  scopes: [
    describePermission(PERMISSIONS.personDetails),
    describePermission(PERMISSIONS.employmentDetails),
  ],
  probes: [personnelProbe, employmentProbe],
  input_fields: z.object({
    company_id: id('Company ID', 'UKG company ID, e.g. J9A6Y (companyId in person details).'),
    employee_id: id('Employee ID', 'UKG employee ID, e.g. from Search employees.'),
  }),
  output_fields: z.object({ person: personDetailsSchema, employment: employmentDetailsSchema }),
  async execute({ http, input }) {
    const { company_id: company, employee_id: employee } = input;
    try {
      const [person, employment] = await Promise.all([
        http.get(UKG_PATHS.companyEmployeePersonDetails(company, employee)),
        http.get(UKG_PATHS.companyEmployeeEmploymentDetails(company, employee)),
      ]);
      const [p] = parseRecords(personDetailsSchema, person, 'person-details');
      const [e] = parseRecords(employmentDetailsSchema, employment, 'employment-details');
      if (p === undefined || e === undefined) throw notFound(company, employee);
      return { person: p, employment: e };
    } catch (error: unknown) {
      if (isConnectorError(error) && error.code === 'not_found')
        throw notFound(company, employee, error);
      throw error;
    }
  },
  sample_output: { person: SAMPLE_PERSON, employment: SAMPLE_EMPLOYMENT },
});

function notFound(company: string, employee: string, cause?: Error): ConnectorError {
  return new ConnectorError(
    'not_found',
    `Employee "${employee}" was not found in company "${company}".`,
    {
      hint: 'Check both IDs; Search employees lists employees with their company ID.',
      ...(cause === undefined ? {} : { cause }),
    },
  );
}
