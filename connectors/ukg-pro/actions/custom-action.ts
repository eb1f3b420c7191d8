import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';
import { checkRelativePath } from '../../../sdk/http/relative-path';
import { defineAction } from '../ukg/definers';
import { personnelProbe } from '../ukg/probes';
import { findSeedClaim, NONEXISTENT_HEADERS } from '../ukg/seed-claims';
import {
  CUSTOMER_API_KEY_HEADER,
  describePermission,
  GLOBAL_TENANT_HEADER,
  PERMISSIONS,
} from '../ukg/web-services';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
// Set by the connection's authorization; a custom request must not replace them.
const RESERVED_HEADERS = new Set([
  'authorization',
  CUSTOMER_API_KEY_HEADER.toLowerCase(),
  GLOBAL_TENANT_HEADER,
]);

function refuse(field: string, message: string, hint: string): ConnectorError {
  return new ConnectorError('invalid_input', message, {
    hint,
    details: { issues: [{ path: field, message }] },
  });
}

/** Sends any request to the connection's UKG Pro web-services host. */
export const customAction = defineAction({
  title: 'Custom action',
  subtitle: 'Call any UKG Pro REST resource on this host',
  description: 'Sends a request to a UKG Pro REST resource on the connected web-services host.',
  help:
    'The path stays on the connection\'s host (absolute URLs, "//host" and ".." are refused). ' +
    'Authorization, US-Customer-Api-Key and global-tenant-id are set by the connection; ' +
    'headers UKG Pro does not have (X-Tenant-ID) are refused with what to do instead.',
  scopes: [describePermission(PERMISSIONS.personDetails)],
  probes: [personnelProbe],
  input_fields: z.object({
    method: z.enum(METHODS).default('GET').meta({
      label: 'Method',
      hint: 'POST, PUT, PATCH and DELETE are sent once and never retried.',
      control_type: 'select',
      sticky: true,
    }),
    path: z
      .string()
      .min(1)
      .meta({ label: 'Path', hint: 'e.g. /configuration/v1/jobs', sticky: true }),
    query: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .meta({ label: 'Query parameters', hint: 'e.g. {"per_Page": 100}.' }),
    headers: z.record(z.string(), z.string()).optional().meta({ label: 'Extra headers' }),
    body: z
      .unknown()
      .optional()
      .meta({ label: 'Request body', hint: 'JSON body for POST, PUT and PATCH.' }),
  }),
  output_fields: z.object({
    status: z.number().int().meta({ label: 'HTTP status' }),
    data: z.unknown().meta({ label: 'Response body', hint: 'The JSON UKG Pro returned.' }),
  }),
  async execute({ http, input }) {
    const claim = findSeedClaim(input.path.trim().replace(/\/+$/, ''));
    if (claim !== undefined) {
      throw refuse('path', `UKG Pro has no resource "${claim.claim}".`, claim.instead);
    }
    const url = checkRelativePath(input.path, 'path', '/configuration/v1/jobs');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(input.headers ?? {})) {
      const lower = name.trim().toLowerCase();
      if (NONEXISTENT_HEADERS.has(lower)) {
        throw refuse(
          `headers.${name}`,
          `UKG Pro has no ${name} header.`,
          findSeedClaim(name)?.instead ?? '',
        );
      }
      if (RESERVED_HEADERS.has(lower)) {
        throw refuse(
          `headers.${name}`,
          `The ${name} header is set by the connection.`,
          'Remove it from the extra headers.',
        );
      }
      headers[name] = value;
    }
    const response = await http.request<unknown>({
      method: input.method,
      url,
      ...(input.query === undefined ? {} : { query: input.query }),
      ...(Object.keys(headers).length === 0 ? {} : { headers }),
      ...(input.body === undefined || input.method === 'GET' ? {} : { json: input.body }),
    });
    return { status: response.status, data: response.data };
  },
  sample_output: { status: 200, data: [{ jobCode: 'ENG2', jobDescription: 'Engineer II' }] },
});
