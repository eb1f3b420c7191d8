import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import connector from '../../connector';
import type { Exchange } from '../../sdk/index';
import { useSandboxFixture } from '../helpers/sandbox-session';

const root = path.join(__dirname, '..', '..');
const fixture = JSON.parse(
  readFileSync(path.join(root, 'fixtures/sandbox/acme-us.json'), 'utf8'),
) as {
  currencies: Array<{ code: string; name: string }>;
  accountSets: Array<{
    id: string;
    accounts: Array<{ id: string; name: string; retired: boolean }>;
  }>;
  journalSources: Array<{ id: string; name: string }>;
  companies: Array<{ id: string; name: string }>;
};

const f = useSandboxFixture();

describe('connector definition', () => {
  it('is titled Workday with the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(connector.title).toBe('Workday');
    expect(connector.version).toBe(pkg.version);
  });

  it('registers every action, trigger and pick list under its stable key', () => {
    expect(Object.keys(connector.actions).sort()).toEqual(
      [
        'approve_reject_inbox_task',
        'custom_action',
        'get_import_status',
        'get_inbox_task',
        'get_journal_entry',
        'get_worker',
        'import_journal_entry',
        'post_journal_entry',
        'search_inbox_tasks',
        'search_workers',
      ].sort(),
    );
    expect(Object.keys(connector.triggers)).toEqual(['new_inbox_task']);
    expect(Object.keys(connector.pick_lists).sort()).toEqual(
      ['companies', 'currencies', 'journal_sources', 'ledger_accounts'].sort(),
    );
  });

  it('gives every operation scopes, probes and a sample output that fits its output fields', () => {
    for (const [key, action] of Object.entries({ ...connector.actions, ...connector.triggers })) {
      expect({ key, scopes: action.scopes.length > 0 }).toEqual({ key, scopes: true });
      expect({ key, probes: action.probes.length > 0 }).toEqual({ key, probes: true });
      const parsed = action.output_fields.safeParse(action.sample_output);
      expect({ key, ok: parsed.success }).toEqual({ key, ok: true });
    }
  });

  it('points the journal fields at the pick lists', () => {
    const shape = connector.actions.post_journal_entry.input_fields.shape;
    expect(shape.company.meta()).toMatchObject({ pick_list: 'companies', label: 'Company' });
    expect(shape.currency.meta()).toMatchObject({ pick_list: 'currencies' });
    expect(shape.journal_source.meta()).toMatchObject({ pick_list: 'journal_sources' });
    expect(shape.lines.element.shape.ledger_account.meta()).toMatchObject({
      pick_list: 'ledger_accounts',
    });
  });
});

describe('test', () => {
  it('says who the connection acts as, per tenant', async () => {
    await expect(f.session('us').test()).resolves.toEqual({
      id: '80ae94d57f6a500011b55f9533be1000',
      descriptor: 'ISU_Connector_US',
      tenant: 'acme_us',
    });
    await expect(f.session('emea').test()).resolves.toMatchObject({ tenant: 'acme_emea' });
  });

  it('refuses endpoints of two tenants before any call', async () => {
    const emea = f.settings('emea');
    expect(() => f.session('us', { token_endpoint: emea['token_endpoint'] })).toThrow(
      expect.objectContaining({
        code: 'tenant_mismatch',
        details: expect.objectContaining({ tenants: ['acme_emea', 'acme_us'] }),
      }),
    );
    expect((await f.state()).requests.total).toBe(0);
  });

  it('names the client of another tenant as the token endpoint does', async () => {
    await expect(f.session('us_client_at_emea').test()).rejects.toMatchObject({
      code: 'invalid_client',
    });
  });

  it('sends no scope parameter in the token request', async () => {
    const exchanges: Exchange[] = [];
    await f.session('us', {}, { onExchange: (e) => exchanges.push(e) }).test();
    const token = exchanges.find((e) => e.url.endsWith('/ccx/oauth2/acme_us/token'));
    expect(token?.requestBody).toMatch(/grant_type=refresh_token/);
    expect(token?.requestBody).not.toMatch(/scope/);
    expect(
      token?.requestHeaders['authorization'] ?? token?.requestHeaders['Authorization'],
    ).toBeDefined();
  });

  it('builds the user-account authorization URL with PKCE and without scope', () => {
    const { url } = f.session('us_user').authorizationUrl('http://127.0.0.1:45555/oauth/callback');
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/acme_us/authorize');
    expect(parsed.searchParams.get('code_challenge_method')).toBe('S256');
    expect(parsed.searchParams.get('response_type')).toBe('code');
    expect(parsed.searchParams.has('scope')).toBe(false);
  });
});

describe('pick lists', () => {
  it('currencies: the tenant currencies as [label, ISO code]', async () => {
    const list = await f.session('us').pickList('currencies');
    expect(list).toEqual(fixture.currencies.map((c) => [`${c.code} – ${c.name}`, c.code]));
  });

  it('ledger_accounts: the Standard account set without retired accounts', async () => {
    const list = await f.session('us').pickList('ledger_accounts');
    const standard = fixture.accountSets.find((s) => s.id === 'Standard');
    const live = (standard?.accounts ?? []).filter((a) => !a.retired);
    expect(live.length).toBeLessThan(standard?.accounts.length ?? 0);
    expect(list).toEqual(live.map((a) => [`${a.id} – ${a.name}`, a.id]));
    await expect(
      f.session('us').pickList('ledger_accounts', { account_set: 'No_Such_Set' }),
    ).resolves.toEqual([]);
  });

  it('journal_sources and companies: names and IDs from Financial_Management', async () => {
    const session = f.session('us');
    await expect(session.pickList('journal_sources')).resolves.toEqual(
      fixture.journalSources.map((s) => [s.name, s.id]),
    );
    await expect(session.pickList('companies')).resolves.toEqual(
      fixture.companies.map((c) => [c.name, c.id]),
    );
    expect(await f.count('soap.Get_Workday_Companies')).toBe(1);
  });
});
