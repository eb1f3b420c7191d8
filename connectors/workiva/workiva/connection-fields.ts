/**
 * The Workiva connection form: an OAuth2 client of an integration user (client credentials),
 * its region, and optionally the scope to ask for (§3.1). One connection per grant and region.
 */
import { z } from 'zod';
import { REGIONS } from './api';

export const connectionFields = z.object({
  region: z.enum(REGIONS).default('us').meta({
    label: 'Region',
    hint: 'us (api.app.wdesk.com), eu (api.eu.wdesk.com) or apac (api.apac.wdesk.com): where the organization lives. The token endpoint is on the same host.',
    control_type: 'select',
    sticky: true,
  }),
  client_id: z.string().trim().min(1).meta({
    label: 'Client ID',
    hint: 'Of the OAuth2 grant an organization admin created for the integration user.',
    sticky: true,
  }),
  client_secret: z.string().min(1).meta({
    label: 'Client secret',
    hint: 'Shown once when the grant is created.',
    secret: true,
    sticky: true,
  }),
  scope: z
    .string()
    .trim()
    .regex(
      /^[a-z]+:[a-z]+( [a-z]+:[a-z]+)*$/,
      'must be scopes separated by single spaces, e.g. "file:read file:write"',
    )
    .optional()
    .meta({
      label: 'Scope',
      hint: 'Optional, e.g. "file:read file:write". Workiva may grant less than asked; doctor shows what was granted.',
    }),
  client_authentication: z.enum(['basic', 'body']).default('basic').meta({
    label: 'Client authentication',
    hint: "basic (Workiva's preferred): client id and secret in an HTTP Basic header; body: as form fields.",
    control_type: 'select',
  }),
  base_url: z.string().trim().min(1).optional().meta({
    label: 'API host override',
    hint: "Leave empty to use the region's host; set only for a proxy or the simulator.",
  }),
});

export type WorkivaConnection = z.output<typeof connectionFields>;
