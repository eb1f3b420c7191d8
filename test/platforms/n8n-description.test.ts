import { z } from 'zod';
import { describeConnector } from '../../platforms/shared';
import type { AnyConnector } from '../../platforms/shared';
import {
  describeActionNode,
  describeCredentials,
  describeTriggerNode,
  n8nNames,
} from '../../platforms/n8n';
import { createN8nClasses } from '../../platforms/n8n/runtime/classes';
import type { N8nProperty } from '../../platforms/n8n';
import { inputFromParameters } from '../../platforms/n8n/runtime/params';
import workday from '../../connector';
import { defineAction, shopConnector } from './fixtures/shop-connector';

const shop = shopConnector as unknown as AnyConnector;

function actionNode(definition: AnyConnector) {
  const model = describeConnector(definition);
  return describeActionNode(model, n8nNames(model));
}

/** The parameters shown for one operation, top-level and under "Additional fields". */
function shownFor(properties: N8nProperty[], operation: string) {
  const shown = properties.filter((p) =>
    (p.displayOptions?.show?.operation ?? []).includes(operation),
  );
  const additional = shown.find((p) => p.name === 'additionalFields');
  return {
    top: shown.filter((p) => p.name !== 'additionalFields'),
    additional: (additional?.options ?? []) as N8nProperty[],
  };
}

describe('n8n node description from a connector made for the test', () => {
  const { description } = actionNode(shop);
  const place = shownFor(description.properties, 'place_order');
  const byName = (name: string) => place.top.find((p) => p.name === name);

  it('offers every action as an operation and every authorization option with its credential', () => {
    const operation = description.properties.find((p) => p.name === 'operation');
    expect(operation?.options?.map((o) => (o as { value: string }).value)).toEqual([
      'place_order',
      'find_orders',
    ]);
    const auth = description.properties.find((p) => p.name === 'authentication');
    expect(auth?.options).toEqual([
      { name: 'Service account', value: 'service' },
      { name: 'Person', value: 'person' },
    ]);
    expect(description.credentials).toEqual([
      expect.objectContaining({
        name: 'shopServiceApi',
        displayOptions: { show: { authentication: ['service'] } },
      }),
      expect.objectContaining({
        name: 'shopPersonOAuth2Api',
        displayOptions: { show: { authentication: ['person'] } },
      }),
    ]);
  });

  it('shows required fields with label, hint, type and required flag', () => {
    expect(byName('customer')).toMatchObject({
      displayName: 'Customer',
      description: 'Customer number.',
      type: 'options',
      required: true,
      typeOptions: { loadOptionsMethod: 'customers' },
    });
    expect(byName('priority')).toMatchObject({
      type: 'options',
      required: true,
      options: [
        { name: 'Low', value: 'low' },
        { name: 'High', value: 'high' },
      ],
    });
    expect(byName('quantity')).toMatchObject({
      type: 'number',
      typeOptions: { numberPrecision: 0 },
    });
  });

  it('turns a nested object into a group and an array of objects into a repeatable group', () => {
    const address = byName('address');
    expect(address).toMatchObject({
      type: 'fixedCollection',
      typeOptions: { multipleValues: false },
    });
    const [group] = (address?.options ?? []) as Array<{ values: N8nProperty[] }>;
    expect(group?.values.map((v) => [v.name, v.required === true])).toEqual([
      ['street', true],
      ['city', true],
      ['zip', false],
    ]);
    const lines = byName('lines');
    expect(lines).toMatchObject({ type: 'fixedCollection', typeOptions: { multipleValues: true } });
  });

  it('puts optional fields, defaults included, under Additional fields', () => {
    expect(place.top.map((p) => p.name)).toEqual([
      'customer',
      'priority',
      'quantity',
      'address',
      'lines',
    ]);
    expect(place.additional.map((p) => [p.name, p.type, p.default])).toEqual([
      ['gift', 'boolean', false],
      ['tags', 'string', []],
      ['attributes', 'json', ''],
      ['note', 'string', ''],
      ['lines_json', 'json', ''],
    ]);
    expect(place.additional.find((p) => p.name === 'tags')?.typeOptions?.multipleValues).toBe(true);
  });

  it('shows an action added to the connector object with no change to the generator', () => {
    const refund = defineAction({
      title: 'Refund order',
      description: 'Refunds an order.',
      scopes: [],
      probes: [],
      input_fields: z.object({
        order_id: z.string().meta({ label: 'Order', hint: 'The order to refund.' }),
        reason: z.enum(['damaged', 'late']).optional(),
      }),
      output_fields: z.object({ ok: z.boolean() }),
      execute: async () => ({ ok: true }),
      sample_output: { ok: true },
    });
    const extended = {
      ...shop,
      actions: { ...shop.actions, refund_order: refund },
    } as unknown as AnyConnector;
    const { description: grown, plans } = actionNode(extended);
    const operation = grown.properties.find((p) => p.name === 'operation');
    expect(operation?.options).toContainEqual(
      expect.objectContaining({
        value: 'refund_order',
        name: 'Refund order',
        description: 'Refunds an order.',
      }),
    );
    const shown = shownFor(grown.properties, 'refund_order');
    expect(shown.top).toEqual([
      expect.objectContaining({
        name: 'order_id',
        displayName: 'Order',
        required: true,
        type: 'string',
      }),
    ]);
    expect(shown.additional.map((p) => p.name)).toEqual(['reason']);
    expect(plans.refund_order?.map((plan) => plan.param)).toEqual(['order_id', 'reason']);
  });

  it('builds a trigger node that polls, with one event per trigger', () => {
    const model = describeConnector(shop);
    const { description: trigger } = describeTriggerNode(model, n8nNames(model));
    expect(trigger).toMatchObject({
      name: 'shopTrigger',
      polling: true,
      inputs: [],
      outputs: ['main'],
    });
    expect(trigger.properties.find((p) => p.name === 'event')?.options).toEqual([
      expect.objectContaining({ value: 'new_order' }),
    ]);
  });
});

describe('n8n credential types', () => {
  const model = describeConnector(shop);
  const credentials = describeCredentials(model, n8nNames(model));

  it('gives the refresh-token option an expirable hidden access token and password secrets', () => {
    const service = credentials.service;
    const names = service?.properties.map((p) => p.name);
    expect(names).toEqual([
      'api_url',
      'token_url',
      'client_id',
      'client_secret',
      'refresh_token',
      'page_size',
      'accessToken',
      'accessTokenExpiresAt',
    ]);
    const byName = (n: string) => service?.properties.find((p) => p.name === n);
    expect(byName('accessToken')).toMatchObject({
      type: 'hidden',
      typeOptions: { expirable: true },
    });
    expect(byName('client_secret')?.typeOptions?.password).toBe(true);
    expect(byName('refresh_token')?.typeOptions?.password).toBe(true);
    expect(byName('page_size')).toMatchObject({ type: 'number', default: 50 });
  });

  it("puts the authorization-code option on n8n's OAuth2 with PKCE, in n8n's field names", () => {
    const person = credentials.person;
    expect(person?.extends).toEqual(['oAuth2Api']);
    const byName = (n: string) => person?.properties.find((p) => p.name === n);
    expect(byName('grantType')).toMatchObject({ type: 'hidden', default: 'pkce' });
    expect(byName('authUrl')?.displayName).toBe('Sign-in URL');
    expect(byName('accessTokenUrl')?.displayName).toBe('Token URL');
    expect(byName('clientId')?.displayName).toBe('Client ID');
    expect(byName('clientSecret')?.typeOptions?.password).toBe(true);
    expect(byName('refresh_token')).toBeUndefined();
    expect(byName('mode')).toBeUndefined();
  });
});

describe('n8n parameters back to connector input', () => {
  it('gives an input the action schema accepts, groups unwrapped and empty text left out', () => {
    const { plans } = actionNode(shop);
    const params: Record<string, unknown> = {
      customer: 'C-1',
      priority: 'high',
      quantity: 2,
      address: { values: { street: 'Main 1', city: 'Bern', zip: '' } },
      lines: {
        values: [
          { sku: 'A', amount: '1.50' },
          { sku: 'B', amount: 2 },
        ],
      },
      additionalFields: { tags: ['x'], attributes: '{"color":"red"}', note: '' },
    };
    const input = inputFromParameters(plans.place_order ?? [], (name, fallback) =>
      Object.hasOwn(params, name) ? params[name] : fallback,
    );
    expect(input).toEqual({
      customer: 'C-1',
      priority: 'high',
      quantity: 2,
      address: { street: 'Main 1', city: 'Bern' },
      lines: [
        { sku: 'A', amount: '1.50' },
        { sku: 'B', amount: 2 },
      ],
      tags: ['x'],
      attributes: { color: 'red' },
    });
    expect(placeOrderSchema().safeParse(input).success).toBe(true);
  });

  it("takes a list of objects as JSON (an earlier node's list) instead of the group", () => {
    const { plans } = actionNode(shop);
    const lines = [{ sku: 'C', amount: '3' }];
    const input = inputFromParameters(plans.place_order ?? [], (name, fallback) =>
      name === 'additionalFields' ? { lines_json: lines } : name === 'lines' ? {} : fallback,
    );
    expect(input.lines).toEqual(lines);
  });

  it('names the field whose JSON text does not parse', () => {
    const { plans } = actionNode(shop);
    expect(() =>
      inputFromParameters(plans.place_order ?? [], (name, fallback) =>
        name === 'additionalFields' ? { attributes: '{oops' } : fallback,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: expect.stringContaining('"attributes"'),
      }),
    );
  });
});

function placeOrderSchema(): z.ZodType {
  return shop.actions.place_order?.input_fields as z.ZodType;
}

/** The n8n parameter types a zod field may become, judged from zod's own JSON Schema. */
function expectedTypes(jsonSchema: Record<string, unknown>): string[] {
  if (Array.isArray(jsonSchema.enum)) return ['options'];
  switch (jsonSchema.type) {
    case 'string':
      return ['string', 'options'];
    case 'number':
    case 'integer':
      return ['number'];
    case 'boolean':
      return ['boolean'];
    case 'array':
      return ['fixedCollection', 'string', 'number'];
    case 'object':
      return jsonSchema.properties === undefined ? ['json'] : ['fixedCollection'];
    default:
      return ['string', 'json'];
  }
}

describe('the Workday node description covers every action field', () => {
  const { description } = actionNode(workday as unknown as AnyConnector);
  const actions = Object.entries((workday as unknown as AnyConnector).actions);

  it.each(actions.map(([key, action]) => [key, action] as const))('%s', (key, action) => {
    const shape = (action.input_fields as z.ZodObject).shape as Record<string, z.ZodType>;
    const schema = z.toJSONSchema(action.input_fields as z.ZodType, {
      io: 'input',
      unrepresentable: 'any',
    }) as {
      properties: Record<string, Record<string, unknown>>;
      required?: string[];
    };
    const shown = shownFor(description.properties, key);
    for (const [name, field] of Object.entries(shape)) {
      const required = !field.safeParse(undefined).success;
      const property = (required ? shown.top : shown.additional).find(
        (p) => p.name === name || p.name === `${key}_${name}`,
      );
      expect({ name, required, found: property !== undefined }).toEqual({
        name,
        required,
        found: true,
      });
      const jsonField = schema.properties[name] ?? {};
      expect(expectedTypes(jsonField)).toContain(property?.type);
      if (Array.isArray(jsonField.enum))
        expect(property?.options?.map((o) => (o as { value: string }).value)).toEqual(
          jsonField.enum,
        );
    }
    const asJson = shown.additional.filter((p) => p.name.endsWith('_json'));
    expect(shown.top.length + shown.additional.length - asJson.length).toBe(
      Object.keys(shape).length,
    );
  });

  it('asks for journal lines as a repeatable group with the ledger-account pick list', () => {
    const lines = shownFor(description.properties, 'post_journal_entry').top.find(
      (p) => p.name === 'lines',
    );
    expect(lines).toMatchObject({ type: 'fixedCollection', typeOptions: { multipleValues: true } });
    const [group] = (lines?.options ?? []) as Array<{ values: N8nProperty[] }>;
    expect(
      group?.values.find((v) => v.name === 'ledger_account')?.typeOptions?.loadOptionsMethod,
    ).toBe('ledger_accounts');
  });
});

describe('authorization types of the SDK', () => {
  function withAuthorization(authorization: unknown): AnyConnector {
    return {
      ...shop,
      connection: { ...shop.connection, authorization },
    } as unknown as AnyConnector;
  }

  it('refuses an authorization type no platform has by name instead of building a node', () => {
    expect(() => describeConnector(withAuthorization({ type: 'ntlm' }))).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: expect.stringContaining('type "ntlm"'),
      }),
    );
  });

  it('describes oauth2 options of the password and client_credentials grants', () => {
    const token = { type: 'oauth2', token_url: () => 'https://t', client_id: () => 'c' };
    const model = describeConnector(
      withAuthorization({
        type: 'multi',
        selected: () => 'service',
        options: {
          service: { ...token, grant: 'client_credentials' },
          person: { ...token, grant: 'password' },
        },
      }),
    );
    expect(model.authOptions.map((o) => [o.key, o.grant, o.pkce])).toEqual([
      ['service', 'client_credentials', false],
      ['person', 'password', false],
    ]);
  });
});

describe('n8n credentials for basic_auth and api_key options', () => {
  const connectionFields = z.object({
    method: z.enum(['basic', 'key']).meta({ label: 'Method', control_type: 'select' }),
    host: z.string().meta({ label: 'Host', hint: 'e.g. https://api.test' }),
    username: z.string().meta({ label: 'User name' }),
    password: z.string().meta({ label: 'Password', secret: true }),
    api_key: z.string().optional().meta({ label: 'API key', secret: true }),
    region: z.enum(['eu', 'us']).optional().meta({ label: 'Region' }),
  });
  type Connection = z.output<typeof connectionFields>;
  const definition = {
    ...shop,
    title: 'Static Shop',
    connection: {
      ...shop.connection,
      fields: connectionFields,
      authorization: {
        type: 'multi',
        selected: (c: Connection) => c.method,
        options: {
          basic: {
            type: 'basic_auth',
            title: 'User and password',
            username: (c: Connection) => c.username,
            password: (c: Connection) => c.password,
            apply: (c: Connection) => ({ headers: { 'X-Region': c.region ?? 'eu' } }),
          },
          key: {
            type: 'api_key',
            title: 'API key',
            apply: (c: Connection) => ({ query: { key: c.api_key ?? '' } }),
          },
        },
      },
    },
  } as unknown as AnyConnector;
  const model = describeConnector(definition);
  const names = n8nNames(model);
  const credentials = describeCredentials(model, names);

  it('describes both options with their SDK type and no grant', () => {
    expect(model.authOptions.map((o) => [o.key, o.type, o.grant])).toEqual([
      ['basic', 'basic_auth', undefined],
      ['key', 'api_key', undefined],
    ]);
    expect(model.selectorField).toBe('method');
    expect(names.credentials).toEqual({
      basic: { className: 'StaticShopBasicApi', name: 'staticShopBasicApi' },
      key: { className: 'StaticShopKeyApi', name: 'staticShopKeyApi' },
    });
  });

  it.each(['basic', 'key'])(
    'gives the %s credential the connection fields, secrets as passwords, no token fields',
    (key) => {
      const credential = credentials[key];
      expect(credential?.extends).toBeUndefined();
      const properties = credential?.properties ?? [];
      expect(properties.map((p) => [p.name, p.type, p.required === true])).toEqual([
        ['host', 'string', true],
        ['username', 'string', true],
        ['password', 'string', true],
        ['api_key', 'string', false],
        ['region', 'options', false],
      ]);
      const passwords = properties.filter((p) => p.typeOptions?.password === true);
      expect(passwords.map((p) => p.name)).toEqual(['password', 'api_key']);
      expect(properties.find((p) => p.name === 'region')?.options).toEqual([
        { name: 'Eu', value: 'eu' },
        { name: 'Us', value: 'us' },
      ]);
    },
  );

  it('lets the node test each credential with the connector test', () => {
    const node = describeActionNode(model, names).description;
    expect(node.credentials).toEqual([
      expect.objectContaining({ name: 'staticShopBasicApi', testedBy: 'testStaticShopBasicApi' }),
      expect.objectContaining({ name: 'staticShopKeyApi', testedBy: 'testStaticShopKeyApi' }),
    ]);
    const classes = createN8nClasses(definition);
    const nodeClass = classes.StaticShop as new () => {
      methods: { credentialTest: Record<string, unknown> };
    };
    expect(Object.keys(new nodeClass().methods.credentialTest).sort()).toEqual([
      'testStaticShopBasicApi',
      'testStaticShopKeyApi',
    ]);
  });

  it("authenticates n8n requests with the SDK's own Basic header and apply, keeping no token", async () => {
    type Credential = {
      authenticate: (
        data: Record<string, unknown>,
        request: { headers?: Record<string, string>; qs?: Record<string, string> },
      ) => Promise<{ headers?: Record<string, string>; qs?: Record<string, string> }>;
      preAuthentication?: unknown;
    };
    const classes = createN8nClasses(definition);
    const basic = new (classes.StaticShopBasicApi as new () => Credential)();
    const key = new (classes.StaticShopKeyApi as new () => Credential)();
    expect(basic.preAuthentication).toBeUndefined();
    expect(key.preAuthentication).toBeUndefined();
    const data = { host: 'https://api.test', username: 'ann', password: 'pw:1', region: 'us' };
    // RFC 7617: base64 of "ann:pw:1".
    await expect(basic.authenticate(data, { headers: { Accept: 'x' } })).resolves.toEqual({
      headers: { Accept: 'x', Authorization: 'Basic YW5uOnB3OjE=', 'X-Region': 'us' },
    });
    await expect(
      key.authenticate({ ...data, api_key: 'k-9' }, { qs: { a: '1' } }),
    ).resolves.toEqual({ headers: {}, qs: { a: '1', key: 'k-9' } });
  });
});
