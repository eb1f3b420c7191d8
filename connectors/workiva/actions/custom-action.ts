import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';
import { checkRelativePath } from '../../../sdk/http/relative-path';
import { VERSION_HEADER } from '../workiva/api';
import { defineAction } from '../workiva/definers';
import { fileReadProbe } from '../workiva/probes';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const RESERVED = new Set(['authorization', VERSION_HEADER.toLowerCase()]);

/** Sends any request to the connection's Workiva Platform API host (API version 2026-01-01). */
export const customAction = defineAction({
  title: 'Custom action',
  subtitle: 'Call any Workiva Platform API resource',
  description: "Sends a request to a Workiva Platform API resource with the connection's token.",
  help:
    "Paths are of API version 2026-01-01 (no /platform/v1 prefix), on the connection's host only. " +
    'A 202 answer comes back as is: its Location header names the operation to poll.',
  scopes: ['file:read'],
  probes: [fileReadProbe],
  input_fields: z.object({
    method: z
      .enum(METHODS)
      .default('GET')
      .meta({ label: 'Method', control_type: 'select', sticky: true }),
    path: z
      .string()
      .min(1)
      .meta({ label: 'Path', hint: 'e.g. /files or /operations/{id}', sticky: true }),
    query: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .meta({ label: 'Query parameters' }),
    headers: z.record(z.string(), z.string()).optional().meta({ label: 'Extra headers' }),
    body: z.unknown().optional().meta({ label: 'Request body' }),
  }),
  output_fields: z.object({
    status: z.number().int(),
    location: z.string().optional().meta({ hint: 'The operation URL of a 202 answer.' }),
    data: z.unknown(),
  }),
  async execute({ http, input }) {
    const url = checkRelativePath(input.path, 'path', '/files');
    if (url.startsWith('/platform/v1/')) {
      throw new ConnectorError(
        'invalid_input',
        `The path "${input.path}" is of API version 2022-01-01.`,
        {
          hint: 'The connection speaks 2026-01-01: drop the /platform/v1 prefix.',
          details: { issues: [{ path: 'path', message: 'has the 2022-01-01 prefix' }] },
        },
      );
    }
    for (const name of Object.keys(input.headers ?? {})) {
      if (RESERVED.has(name.trim().toLowerCase())) {
        throw new ConnectorError('invalid_input', `The ${name} header is set by the connection.`, {
          hint: 'Remove it from the extra headers.',
          details: { issues: [{ path: `headers.${name}`, message: 'is set by the connection' }] },
        });
      }
    }
    const response = await http.request<unknown>({
      method: input.method,
      url,
      ...(input.query === undefined ? {} : { query: input.query }),
      ...(input.headers === undefined ? {} : { headers: input.headers }),
      ...(input.body === undefined || input.method === 'GET' ? {} : { json: input.body }),
      responseType: 'text',
    });
    const text = typeof response.data === 'string' ? response.data : '';
    let data: unknown = text;
    try {
      data = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      // not JSON: returned as text
    }
    const location = response.headers['location'];
    return { status: response.status, ...(location === undefined ? {} : { location }), data };
  },
  sample_output: {
    status: 200,
    data: { data: [{ id: 'ss-budget-fy27', name: 'Headcount budget FY27' }] },
  },
});
