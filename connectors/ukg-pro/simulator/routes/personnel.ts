/**
 * Personnel REST (§2.3): person details (Personnel Integration, View) and employment details
 * (Employee Employment Information, View), company-wide and per employee.
 */
import type { FastifyPluginAsync } from 'fastify';
import { authorize } from '../auth';
import type { EnvironmentContext } from '../context';
import { ProblemError } from '../errors';
import { filterBy, page } from '../paging';
import { employmentDetails, personDetails } from '../present';
import type { PersonFixture } from '../fixtures';

type Query = Record<string, unknown>;
type Params = { companyId: string; employeeId: string };

const PERSON_FILTERS: Record<string, (p: PersonFixture) => string> = {
  companyId: (p) => p.companyId,
  employeeId: (p) => p.employeeId,
  lastName: (p) => p.lastName,
  emailAddress: (p) => p.emailAddress,
  addressState: (p) => p.addressState,
};

function findPerson(context: EnvironmentContext, params: Params): PersonFixture {
  const person = context.env.people.find(
    (p) => p.companyId === params.companyId && p.employeeId === params.employeeId,
  );
  if (person === undefined) {
    throw new ProblemError(
      404,
      'Not Found',
      `No employee ${params.employeeId} in company ${params.companyId}.`,
    );
  }
  return person;
}

const personnelRoutes: FastifyPluginAsync<{ context: EnvironmentContext }> = async (
  app,
  { context },
) => {
  app.get<{ Querystring: Query }>(
    '/personnel/v1/person-details',
    { config: { simulatorRoute: 'person-details' } },
    async (request) => {
      authorize(context, request, 'Personnel Integration');
      const matches = filterBy(context.env.people, request.query, PERSON_FILTERS);
      return page(matches, request.query).map(personDetails);
    },
  );

  app.get<{ Params: Params }>(
    '/personnel/v1/companies/:companyId/employees/:employeeId/person-details',
    { config: { simulatorRoute: 'employee-person-details' } },
    async (request) => {
      authorize(context, request, 'Personnel Integration');
      // An array of one, like the company-wide endpoint.
      return [personDetails(findPerson(context, request.params))];
    },
  );

  app.get<{ Params: Params }>(
    '/personnel/v1/companies/:companyId/employees/:employeeId/employment-details',
    { config: { simulatorRoute: 'employee-employment-details' } },
    async (request) => {
      authorize(context, request, 'Employee Employment Information');
      return [employmentDetails(context.env, findPerson(context, request.params))];
    },
  );

  app.get<{ Querystring: Query }>(
    '/personnel/v1/employment-details',
    { config: { simulatorRoute: 'employment-details' } },
    async (request) => {
      authorize(context, request, 'Employee Employment Information');
      const matches = filterBy(context.env.people, request.query, {
        companyID: (p) => p.companyId,
        employeeID: (p) => p.employeeId,
      });
      return page(matches, request.query).map((p) => employmentDetails(context.env, p));
    },
  );
};

export default personnelRoutes;
