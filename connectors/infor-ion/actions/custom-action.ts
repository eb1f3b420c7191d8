import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';
import { defineAction, defineProbe } from '../infor/definers';
import { readM3User } from '../infor/m3-user';

// A path under the tenant: relative, no scheme, no `..` (also encoded), no backslash.
const UNSAFE = /^[a-z][a-z0-9+.-]*:|^\/|\\|(^|\/)\.\.(\/|$)|%2e%2e|%2f/i;

export const customAction = defineAction({
  title: 'Custom action (ION API Gateway)',
  description:
    "Calls any API suite under the tenant's ION API Gateway path with the connection's token.",
  help:
    'path is relative to {iu}/{ti}/, starting with the API suite context, e.g. ' +
    'M3/m3api-rest/v2/execute/CRS610MI/LstByNumber or CSI/IDORequestService/ido/load/SLItems. ' +
    'Absolute URLs, a leading /, and .. are refused: the token never leaves the tenant.',
  scopes: ['the API suite called'],
  probes: [
    defineProbe({
      name: 'M3 MNS150MI/GetUserData',
      scope: 'Infor-M3',
      run: ({ http }) => readM3User(http),
    }),
  ],
  input_fields: z.object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    path: z
      .string()
      .trim()
      .min(1)
      .meta({ hint: 'e.g. M3/m3api-rest/v2/execute/MNS150MI/GetUserData' }),
    query: z.record(z.string(), z.string()).optional(),
    headers: z.record(z.string(), z.string()).optional().meta({
      hint: 'Product headers only, e.g. X-Infor-MongooseConfig for CSI; Authorization is set by the connection.',
    }),
    body: z.unknown().optional(),
  }),
  output_fields: z.object({ status: z.number().int(), data: z.unknown() }),
  retry_on_request: ['GET'],
  async execute({ http, input }) {
    if (UNSAFE.test(input.path))
      throw new ConnectorError(
        'invalid_input',
        `"path" must be relative to the tenant's gateway path: ${JSON.stringify(input.path)} is not.`,
        {
          hint: 'Start with the API suite context, e.g. M3/m3api-rest/v2/execute/..., without a leading / or ..',
          details: {
            issues: [{ path: 'path', message: 'expected a relative path under {iu}/{ti}/' }],
          },
        },
      );
    const headers = Object.fromEntries(
      Object.entries(input.headers ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'authorization',
      ),
    );
    const response = await http.request({
      method: input.method,
      url: input.path,
      ...(input.query === undefined ? {} : { query: input.query }),
      ...(input.body === undefined ? {} : { json: input.body }),
      headers,
    });
    return { status: response.status, data: response.data };
  },
  sample_output: {
    status: 200,
    data: { results: [{ transaction: 'GetUserData', records: [{ USID: 'SVC_GL', CONO: '100' }] }] },
  },
});
