import { z } from 'zod';
import { zapierAppPlan, zapierOptionKeys } from '../../../platforms/zapier';
import { defineConnector } from '../../../sdk/define';
import type { SingleAuthorization } from '../../../sdk/define';
import { isConnectorError } from '../../../sdk/errors';

const bearer = { apply: (_c: unknown, token: string) => ({ headers: { Authorization: token } }) };
const endpoint = {
  token_url: () => 'https://x/token',
  client_id: () => 'id',
  client_secret: () => 's',
};

/** A one-operation connector over `fields` with the given authorization options. */
function connectorWith(
  options: Record<string, SingleAuthorization<Record<string, string>>>,
  fields: z.ZodObject = z.object({
    kind: z.enum(Object.keys(options) as [string, ...string[]]),
    username: z.string().optional(),
    password: z.string().optional(),
    key: z.string().optional(),
  }),
) {
  return defineConnector({
    title: 'T',
    description: 'A test API.',
    version: '1.0.0',
    connection: {
      fields,
      authorization: {
        type: 'multi',
        selected: (c: Record<string, string>) => c['kind'] ?? '',
        options,
      },
      base_uri: () => 'https://x',
    },
    test: async () => ({}),
    actions: {},
    triggers: {},
    pick_lists: {},
  } as never);
}

const all = connectorWith({
  pw: {
    type: 'oauth2',
    grant: 'password',
    username: () => 'u',
    password: () => 'p',
    ...endpoint,
    ...bearer,
  },
  cc: { type: 'oauth2', grant: 'client_credentials', ...endpoint, ...bearer },
  rt: { type: 'oauth2', grant: 'refresh_token', ...endpoint, ...bearer },
  ac: {
    type: 'oauth2',
    grant: 'authorization_code',
    authorization_url: () => 'https://x/authorize',
    ...endpoint,
    ...bearer,
  },
  basic: {
    type: 'basic_auth',
    username: (c) => c['username'] ?? '',
    password: (c) => c['password'] ?? '',
  },
  key: { type: 'api_key', apply: (c) => ({ headers: { 'x-key': c['key'] ?? '' } }) },
});

describe('Zapier authentication of each SDK authorization', () => {
  it.each([
    ['pw', 'session'],
    ['cc', 'session'],
    ['rt', 'session'],
    ['ac', 'oauth2'],
    ['basic', 'basic'],
    ['key', 'custom'],
  ])('option %s becomes %s auth', (option, type) => {
    const app = zapierAppPlan(all, option);
    expect(app.authentication.type).toBe(type);
    expect(app.authentication.sessionConfig !== undefined).toBe(type === 'session');
    expect(app.authentication.oauth2Config !== undefined).toBe(type === 'oauth2');
    // The selector is fixed per app; only a session perform computes a token.
    const keys = app.authentication.fields.map((field) => field.key);
    expect(keys).not.toContain('kind');
    expect(keys.includes('access_token')).toBe(type === 'session');
  });

  it('makes HTTP Basic custom auth when the connection does not name its fields username and password', () => {
    const connector = connectorWith(
      {
        basic: {
          type: 'basic_auth',
          username: (c) => c['user'] ?? '',
          password: (c) => c['secret'] ?? '',
        },
      },
      z.object({ kind: z.enum(['basic']), user: z.string(), secret: z.string() }),
    );
    expect(zapierAppPlan(connector, 'basic').authentication.type).toBe('custom');
  });

  it('refuses an authorization type Zapier cannot express, naming the option and the type', () => {
    const connector = connectorWith({ odd: { type: 'digest_auth' } as never });
    let caught: unknown;
    try {
      zapierAppPlan(connector, 'odd');
    } catch (error: unknown) {
      caught = error;
    }
    expect(isConnectorError(caught) && caught.code).toBe('invalid_input');
    expect((caught as Error).message).toContain('"odd"');
    expect((caught as Error).message).toContain('"digest_auth"');
  });

  it('refuses a multi authorization whose options are not the values of a connection field', () => {
    const connector = connectorWith(
      { a: { type: 'api_key', apply: () => ({}) }, b: { type: 'api_key', apply: () => ({}) } },
      z.object({ kind: z.enum(['a', 'c']) }),
    );
    expect(() => zapierOptionKeys(connector)).toThrow(
      /options \(a, b\) are not the values of any connection field/,
    );
  });
});
