/**
 * A small connector that is not Workday, for the platform generators' tests: the generators know
 * only the SDK, so they must turn any definition into a platform package.
 */
import { z } from 'zod';
import { defineConnector } from '../../../sdk/define';
import type { OAuth2Authorization } from '../../../sdk/define';

const connection = z.object({
  mode: z.enum(['key', 'login']),
  base_url: z.string().meta({ label: 'Base URL', hint: 'Where the API lives.' }),
  client_id: z.string(),
  client_secret: z.string().meta({ secret: true }),
  refresh_token: z.string().optional().meta({ secret: true }),
  page_size: z.coerce.number().int().default(50),
});
type Connection = z.output<typeof connection>;

const shared: Pick<
  OAuth2Authorization<Connection>,
  'token_url' | 'client_id' | 'client_secret' | 'apply'
> = {
  token_url: (c) => `${c.base_url}/token`,
  client_id: (c) => c.client_id,
  client_secret: (c) => c.client_secret,
  apply: (_c, token) => ({ headers: { Authorization: `Bearer ${token}` } }),
};

const order = z.object({
  id: z.string(),
  placed: z.iso.datetime(),
  customer: z.object({ name: z.string(), email: z.string().optional() }),
});

export const exampleConnector = defineConnector({
  title: 'Shop',
  description: 'An example shop API.',
  version: '1.2.3',
  connection: {
    fields: connection,
    authorization: {
      type: 'multi',
      selected: (c) => c.mode,
      options: {
        key: {
          type: 'oauth2',
          grant: 'refresh_token',
          refresh_token: (c) => c.refresh_token,
          ...shared,
        },
        login: {
          type: 'oauth2',
          grant: 'authorization_code',
          authorization_url: (c) => `${c.base_url}/authorize`,
          ...shared,
        },
      },
    },
    base_uri: (c) => c.base_url,
  },
  test: async () => ({ id: 'u1', name: 'Ada', shop: 'north' }),
  actions: {
    find_order: {
      title: 'Find order',
      description: 'Finds an order by its number.',
      read_only: true,
      scopes: [],
      probes: [],
      input_fields: z.object({ number: z.string().meta({ label: 'Order number' }) }),
      output_fields: order,
      execute: async () => ({
        id: 'o1',
        placed: '2026-01-01T00:00:00Z',
        customer: { name: 'Ada' },
      }),
      sample_output: { id: 'o1', placed: '2026-01-01T00:00:00Z', customer: { name: 'Ada' } },
    },
    place_order: {
      title: 'Place order',
      description: 'Places an order with its items.',
      scopes: [],
      probes: [],
      input_fields: z.object({
        rush: z.boolean().default(false),
        note: z.string().optional().meta({ control_type: 'text-area' }),
        channel: z.enum(['web', 'phone']),
        warehouse: z.string().meta({ pick_list: 'warehouses' }),
        customer: z.object({ name: z.string(), email: z.string().optional() }),
        tags: z.array(z.string()).optional(),
        items: z.array(
          z.object({
            sku: z.string(),
            quantity: z.coerce.number().int(),
            options: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
          }),
        ),
      }),
      output_fields: order,
      execute: async () => ({
        id: 'o2',
        placed: '2026-01-01T00:00:00Z',
        customer: { name: 'Ada' },
      }),
      sample_output: { id: 'o2', placed: '2026-01-01T00:00:00Z', customer: { name: 'Ada' } },
    },
  },
  triggers: {
    new_order: {
      title: 'New order',
      description: 'Triggers when an order is placed.',
      scopes: [],
      probes: [],
      input_fields: z.object({}),
      output_fields: z.object({ number: z.string(), placed: z.iso.datetime() }),
      closure_schema: z.string(),
      poll: async () => ({ events: [], next_poll: '', can_poll_more: false }),
      dedup: (event: { number: string }) => `order-${event.number}`,
      sample_output: { number: '1001', placed: '2026-01-01T00:00:00Z' },
    },
  },
  pick_lists: { warehouses: async () => [['North', 'n']] },
});
