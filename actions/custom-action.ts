import { z } from 'zod';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { workersProbe } from '../workday/probes';
import { resolveTenantRestPath } from '../workday/tenant-rest-path';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const inputFields = z.object({
  method: z.enum(METHODS).default('GET').meta({
    label: 'Method',
    hint: 'HTTP method. POST, PUT, PATCH and DELETE are sent once and never retried.',
    control_type: 'select',
    sticky: true,
  }),
  path: z
    .string()
    .min(1)
    .meta({
      label: 'Path',
      hint:
        "Relative to the tenant's REST base, e.g. common/v1/{tenant}/workers or " +
        "coreAccounting/v1/{tenant}/currencies; {tenant} is replaced by the connection's tenant. " +
        'Other hosts and tenants are refused.',
      sticky: true,
    }),
  query: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .meta({ label: 'Query parameters', hint: 'Name/value pairs, e.g. {"limit": 10}.' }),
  body: z
    .unknown()
    .optional()
    .meta({ label: 'Request body', hint: 'JSON body for POST, PUT and PATCH.' }),
});

const outputFields = z.object({
  status: z.number().int().meta({ label: 'HTTP status' }),
  data: z.unknown().meta({ label: 'Response body', hint: 'The JSON Workday returned.' }),
});

/** Sends any request to the tenant's Workday REST API: an escape hatch for resources without an action. */
export const customAction = defineAction({
  title: 'Custom action',
  subtitle: 'Call any Workday REST resource of this tenant',
  description: 'Sends a request to a Workday REST resource of the connected tenant.',
  help:
    'Use when no action covers the resource. The path is checked before the call: absolute URLs, ' +
    '"//host", ".." segments, backslashes and their percent-encoded forms are refused, so the ' +
    'access token only ever goes to this tenant.',
  // A custom path may need any area; Staffing is the one the sample path needs.
  scopes: [FUNCTIONAL_AREAS.staffing],
  probes: [workersProbe],
  input_fields: inputFields,
  output_fields: outputFields,
  async execute({ connection, http, input }) {
    const endpoints = parseWorkdayEndpoints(connection);
    const url = resolveTenantRestPath(input.path, endpoints);
    const response = await http.request<unknown>({
      method: input.method,
      url,
      ...(input.query === undefined ? {} : { query: input.query }),
      ...(input.body === undefined || input.method === 'GET' ? {} : { json: input.body }),
    });
    return { status: response.status, data: response.data };
  },
  sample_output: {
    status: 200,
    data: {
      total: 1,
      data: [
        {
          id: '1098bc33a7485eb30301db1e72cf738b',
          descriptor: 'Logan McNeil',
          href: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme/workers/1098bc33a7485eb30301db1e72cf738b',
        },
      ],
    },
  },
});
