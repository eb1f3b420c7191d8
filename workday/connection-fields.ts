import { z } from 'zod';
import {
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_REDIRECT_URI,
  DEFAULT_SOAP_VERSION,
  MAX_CONCURRENCY_LIMIT,
  SOAP_VERSION_PATTERN,
} from './constants';

/**
 * The Workday connection form (design.md "Connection"): one connection per tenant. Labels and
 * hints say where each value is in Workday, because the seed failures were all values copied
 * from the wrong place (another tenant's client, an EMEA endpoint on a US connection).
 * URL shapes and tenant agreement are checked by `parseWorkdayEndpoints`, before any call.
 */
export const connectionFields = z
  .object({
    auth_type: z.enum(['authorization_code', 'refresh_token']).meta({
      label: 'Authentication type',
      hint:
        'API client for integrations (refresh_token): registered with task Register API Client ' +
        'for Integrations, acts as an Integration System User. API client for a user account ' +
        '(authorization_code): registered with task Register API Client, acts as the user who ' +
        'signs in.',
      control_type: 'select',
      sticky: true,
    }),
    rest_api_endpoint: z
      .string()
      .trim()
      .min(1)
      .meta({
        label: 'Workday REST API endpoint',
        hint:
          'Task View API Clients, field "Workday REST API Endpoint", e.g. ' +
          'https://wd2-impl-services1.workday.com/ccx/api/v1/acme. It names the tenant this ' +
          'connection is for.',
        sticky: true,
      }),
    authorization_endpoint: z
      .string()
      .trim()
      .optional()
      .meta({
        label: 'Authorization endpoint',
        hint:
          'User-account clients only. Task View API Clients, field "Authorization Endpoint", e.g. ' +
          'https://impl.workday.com/acme/authorize. Leave empty for an API client for integrations.',
      }),
    token_endpoint: z
      .string()
      .trim()
      .min(1)
      .meta({
        label: 'Token endpoint',
        hint:
          'Task View API Clients, field "Token Endpoint", e.g. ' +
          'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token. Same host and tenant as ' +
          'the REST API endpoint.',
        sticky: true,
      }),
    client_id: z
      .string()
      .trim()
      .min(1)
      .meta({
        label: 'Client ID',
        hint:
          'Task View API Clients, column "Client ID" of the API client registered in this tenant. ' +
          'A client of another tenant (e.g. the US one on an EMEA connection) is rejected.',
      }),
    client_secret: z
      .string()
      .min(1)
      .meta({
        label: 'Client secret',
        hint:
          'Shown once when the API client is registered (Register API Client / Register API ' +
          'Client for Integrations); generate a new one with Generate New API Client Secret.',
        secret: true,
        control_type: 'password',
      }),
    refresh_token: z
      .string()
      .optional()
      .meta({
        label: 'Refresh token',
        hint:
          'API client for integrations: on the API client, related action API Client → Manage ' +
          'Refresh Tokens for Integrations, pick the Integration System User, tick Generate New ' +
          'Refresh Token and paste it here. User accounts: filled in by `connector oauth2`.',
        secret: true,
        control_type: 'password',
      }),
    soap_version: z
      .string()
      .trim()
      .regex(SOAP_VERSION_PATTERN, 'Use a Workday Web Services version such as v45.0.')
      .default(DEFAULT_SOAP_VERSION)
      .meta({
        label: 'SOAP version',
        hint: `Workday Web Services version for Financial_Management (journals), e.g. ${DEFAULT_SOAP_VERSION}.`,
      }),
    client_authentication: z
      .enum(['basic', 'body'])
      .default('basic')
      .meta({
        label: 'Client authentication',
        hint:
          'How the client ID and secret are sent to the token endpoint: basic (HTTP Basic ' +
          'header, the usual choice) or body (form fields).',
        control_type: 'select',
      }),
    redirect_uri: z
      .string()
      .trim()
      .default(DEFAULT_REDIRECT_URI)
      .meta({
        label: 'Redirect URI',
        hint:
          'User-account clients only: must equal the Redirection URI registered on the API client ' +
          `(task View API Clients). Default ${DEFAULT_REDIRECT_URI}.`,
      }),
    max_concurrency: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_CONCURRENCY_LIMIT)
      .default(DEFAULT_MAX_CONCURRENCY)
      .meta({
        label: 'Parallel requests',
        hint: `Pages fetched in parallel per connection, 1 to ${MAX_CONCURRENCY_LIMIT} (default ${DEFAULT_MAX_CONCURRENCY}). Lower it if the tenant answers 429.`,
      }),
  })
  .superRefine((value, ctx) => {
    if (value.auth_type === 'refresh_token' && !value.refresh_token?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['refresh_token'],
        message:
          'An API client for integrations needs the refresh token generated in Manage Refresh ' +
          'Tokens for Integrations.',
      });
    }
    if (value.auth_type === 'authorization_code' && !value.authorization_endpoint) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorization_endpoint'],
        message:
          'A user-account API client needs the "Authorization Endpoint" from task View API Clients.',
      });
    }
  });

/** A parsed Workday connection, as every lambda receives it. */
export type WorkdayConnection = z.output<typeof connectionFields>;
