import { renderZapierApp, zapierAppPlan } from '../../../platforms/zapier';
import { exampleConnector } from './example-connector';

const sessionApp = zapierAppPlan(exampleConnector, 'key');
const oauthApp = zapierAppPlan(exampleConnector, 'login');
const keysOf = (fields: ReadonlyArray<{ key: string }> | undefined) =>
  (fields ?? []).map((f) => f.key);

describe('zapierAppPlan', () => {
  it('makes read-only actions searches, the others creates, and pick lists hidden triggers', () => {
    expect(Object.keys(sessionApp.searches)).toEqual(['find_order']);
    expect(Object.keys(sessionApp.creates)).toEqual(['place_order']);
    expect(Object.keys(sessionApp.triggers)).toEqual(['new_order', 'pick_list_warehouses']);
    expect(sessionApp.triggers['pick_list_warehouses']?.display.hidden).toBe(true);
    expect(sessionApp.triggers['new_order']?.operation.type).toBe('polling');
    expect(sessionApp.creates['place_order']?.noun).toBe('Order');
    expect(sessionApp.version).toBe('1.2.3');
  });

  it('gives the trigger sample the dedup key as its id', () => {
    expect(sessionApp.triggers['new_order']?.operation.sample).toEqual({
      number: '1001',
      placed: '2026-01-01T00:00:00Z',
      id: 'order-1001',
    });
  });

  it('turns zod inputs into Zapier fields: choices, dynamic pick lists, flattened objects, line items, lists, JSON', () => {
    const fields = sessionApp.creates['place_order']?.operation.inputFields ?? [];
    expect(keysOf(fields)).toEqual([
      'rush',
      'note',
      'channel',
      'warehouse',
      'customer__name',
      'customer__email',
      'tags',
      'items',
    ]);
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));
    expect(byKey['rush']).toMatchObject({ type: 'boolean', required: false, default: 'false' });
    expect(byKey['note']).toMatchObject({ type: 'text', required: false });
    expect(byKey['channel']?.choices).toEqual([
      { value: 'web', label: 'Web', sample: 'web' },
      { value: 'phone', label: 'Phone', sample: 'phone' },
    ]);
    expect(byKey['warehouse']).toMatchObject({
      dynamic: 'pick_list_warehouses.id.label',
      required: true,
    });
    expect(byKey['customer__name']).toMatchObject({ label: 'Customer: Name', required: true });
    expect(byKey['customer__email']).toMatchObject({ required: false });
    expect(byKey['tags']).toMatchObject({ list: true, type: 'string', required: false });
    expect(byKey['items']?.helpText).toBeUndefined();
    expect(byKey['items']?.children).toEqual([
      { key: 'items__sku', label: 'Sku', required: true, type: 'string' },
      { key: 'items__quantity', label: 'Quantity', required: true, type: 'integer' },
      {
        key: 'items__options',
        label: 'Options',
        required: false,
        type: 'text',
        helpText: 'JSON, e.g. [{"name": "…", "value": "…"}].',
      },
    ]);
  });

  it('flattens outputs in Zapier notation', () => {
    expect(keysOf(sessionApp.searches['find_order']?.operation.outputFields)).toEqual([
      'id',
      'placed',
      'customer__name',
      'customer__email',
    ]);
    expect(sessionApp.searches['find_order']?.operation.outputFields?.[1]).toEqual({
      key: 'placed',
      label: 'Placed',
      type: 'datetime',
    });
  });

  it('writes the refresh-token option as session auth without the selector and with computed token fields', () => {
    const auth = sessionApp.authentication;
    expect(auth.type).toBe('session');
    expect(auth.sessionConfig).toEqual({ perform: { $run: 'sessionPerform' } });
    expect(keysOf(auth.fields)).toEqual([
      'base_url',
      'client_id',
      'client_secret',
      'refresh_token',
      'page_size',
      'access_token',
      'access_token_expires_at',
    ]);
    expect(auth.fields.find((f) => f.key === 'client_secret')?.type).toBe('password');
    expect(auth.fields.filter((f) => f.computed === true).map((f) => f.key)).toEqual([
      'access_token',
      'access_token_expires_at',
    ]);
  });

  it("writes the authorization-code option as OAuth2 with PKCE, renaming Zapier's reserved keys and leaving tokens to Zapier", () => {
    const auth = oauthApp.authentication;
    expect(auth.type).toBe('oauth2');
    expect(auth.oauth2Config).toMatchObject({ autoRefresh: true, enablePkce: true });
    expect(keysOf(auth.fields)).toEqual([
      'base_url',
      'connection_client_id',
      'connection_client_secret',
      'page_size',
    ]);
  });

  it('refuses an option the connector does not have, naming the ones it has', () => {
    expect(() => zapierAppPlan(exampleConnector, 'nope')).toThrow(
      'The connector has no authorization option "nope"; it has: key, login.',
    );
  });
});

describe('renderZapierApp', () => {
  const files = renderZapierApp(sessionApp, 'key', {
    name: 'shop-zapier-key',
    description: 'Shop',
  });

  it('wires every function to the bundled runtime in index.js', () => {
    const index = files['index.js'];
    expect(index).toContain(`const run = createZapierRuntime(connector, "key");`);
    expect(index).toContain('"perform": run.create("place_order")');
    expect(index).toContain('"perform": run.search("find_order")');
    expect(index).toContain('"perform": run.trigger("new_order")');
    expect(index).toContain('"perform": run.pickList("warehouses")');
    expect(index).toContain('"test": run.test()');
    expect(index).not.toContain('$run');
  });

  it('pins zapier-platform-core and lists the .mjs files its build misses', () => {
    expect(JSON.parse(files['package.json'])).toMatchObject({
      name: 'shop-zapier-key',
      version: '1.2.3',
      main: 'index.js',
      dependencies: { 'zapier-platform-core': '19.1.0' },
    });
    expect(JSON.parse(files['.zapierapprc'])).toEqual({
      includeInBuild: ['node_modules/.*\\.mjs$'],
    });
  });
});
