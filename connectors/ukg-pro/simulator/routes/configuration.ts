/**
 * Configuration REST (§2.3): org levels (where budgeted FTE lives) and positions, both "View"
 * on Company Configuration Integration.
 */
import type { FastifyPluginAsync } from 'fastify';
import { authorize } from '../auth';
import type { EnvironmentContext } from '../context';
import { filterBy, page } from '../paging';
import { orgLevel, position } from '../present';

type Query = Record<string, unknown>;

const configurationRoutes: FastifyPluginAsync<{ context: EnvironmentContext }> = async (
  app,
  { context },
) => {
  // The spec lists filters but no paging for org levels; they are few per customer.
  app.get<{ Querystring: Query }>(
    '/configuration/v1/org-levels',
    { config: { simulatorRoute: 'org-levels' } },
    async (request) => {
      authorize(context, request, 'Company Configuration Integration');
      return filterBy(context.env.orgLevels, request.query, {
        levelDescription: (o) => o.levelDescription,
        code: (o) => o.code,
        budgetGroup: (o) => o.budgetGroup,
        reportingCategory: (o) => o.reportingCategory,
        isActive: (o) => String(o.isActive),
      }).map(orgLevel);
    },
  );

  app.get<{ Querystring: Query }>(
    '/configuration/v1/positions',
    { config: { simulatorRoute: 'positions' } },
    async (request) => {
      authorize(context, request, 'Company Configuration Integration');
      const matches = filterBy(context.env.positions, request.query, {
        companyId: (p) => p.companyId,
        statusCode: (p) => p.statusCode,
        positionCode: (p) => p.positionCode,
      });
      return page(matches, request.query).map(position);
    },
  );
};

export default configurationRoutes;
