import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';
import { defineConnector } from '../../../sdk/define';
import type { HttpClient } from '../../../sdk/define';
import '../../../sdk/schema';
import type { LoadedConnector } from '../../../cli/load-connector';

const fields = z.object({
  base_url: z.string(),
  token_url: z.string(),
  client_id: z.string(),
  client_secret: z.string().meta({ secret: true }),
  refresh_token: z.string().meta({ secret: true }),
});

type Connection = z.output<typeof fields>;

const noRequirements = { scopes: [], probes: [] };

/** A tiny connector against the CLI test server: a test, actions, one trigger and one pick list. */
const definition = defineConnector({
  title: 'Test connector',
  description: 'Exercises the CLI.',
  version: '0.0.0',
  connection: {
    fields,
    authorization: {
      type: 'oauth2',
      grant: 'refresh_token',
      token_url: (c: Connection) => c.token_url,
      client_id: (c: Connection) => c.client_id,
      client_secret: (c: Connection) => c.client_secret,
      refresh_token: (c: Connection) => c.refresh_token,
      apply: (_c: Connection, token: string) => ({ headers: { Authorization: `Bearer ${token}` } }),
    },
    base_uri: (c: Connection) => c.base_url,
  },
  test: async ({ http }) => http.get('me'),
  actions: {
    echo: {
      ...noRequirements,
      title: 'Echo',
      description: 'Echoes a message.',
      input_fields: z.object({ message: z.string() }),
      output_fields: z.object({ echoed: z.string() }),
      execute: async ({
        http,
        input,
      }: {
        http: { post: (u: string, j: unknown) => Promise<unknown> };
        input: { message: string };
      }) => (await http.post('echo', input)) as { echoed: string },
      sample_output: { echoed: 'hi' },
    },
    call: {
      ...noRequirements,
      title: 'Call',
      description: 'Posts to a path of the test server.',
      input_fields: z.object({ path: z.string() }),
      output_fields: z.unknown(),
      max_retries: 0,
      execute: async ({
        http,
        input,
      }: {
        http: { post: (u: string, j: unknown) => Promise<unknown> };
        input: { path: string };
      }) => http.post(input.path, {}),
      sample_output: {},
    },
    leak: {
      ...noRequirements,
      title: 'Leak',
      description: 'Fails with a message holding the client secret (a connector bug).',
      input_fields: z.object({}),
      output_fields: z.unknown(),
      execute: async ({ connection }) => {
        throw new ConnectorError('remote_validation', `Rejected ${connection.client_secret}.`);
      },
      sample_output: {},
    },
  },
  triggers: {
    new_item: {
      ...noRequirements,
      title: 'New item',
      description: 'Triggers when an item is added.',
      input_fields: z.object({}),
      output_fields: z.object({ id: z.number() }),
      closure_schema: z.object({ since: z.number() }),
      poll: async ({
        http,
        closure,
      }: {
        http: { get: (u: string, q: Record<string, number>) => Promise<unknown> };
        closure: { since: number } | undefined;
      }) => {
        const since = closure?.since ?? 0;
        const items = (await http.get('items', { since })) as Array<{ id: number }>;
        return {
          events: items,
          next_poll: { since: items.reduce((max, item) => Math.max(max, item.id), since) },
          can_poll_more: false,
        };
      },
      dedup: (event) => String(event.id),
      sample_output: { id: 1 },
    },
  },
  pick_lists: {
    colours: Object.assign(
      async ({ http, params }: { http: HttpClient; params: Record<string, string> }) => {
        const colours = (await http.get('colours', params)) as string[];
        return colours.map((c): [string, string] => [c.toUpperCase(), c]);
      },
      { params_fields: z.object({ warm: z.string().optional() }) },
    ),
  },
});

/** The test connector as the CLI loads it. */
export const testConnector = definition as unknown as LoadedConnector;
