/**
 * The generator takes any connector object: UKG Pro's two authorizations (HTTP Basic with a
 * customer API key, and a client-credentials grant) become a Zapier `basic` app and a `session`
 * app, which Zapier's CLI validates and zapier-platform-core runs against the UKG simulator.
 */
import path from 'node:path';
import { startUkgSimulator } from '../../../connectors/ukg-pro/simulator';
import type { UkgSimulatorHandle } from '../../../connectors/ukg-pro/simulator';
import { ROOT } from '../../helpers/build-dist';
import { useSuiteResource } from '../../helpers/suite-resource';
import { buildAppsIntoTemp, installCore, shown, zapier, ZapierCloud } from './zapier-harness';

const OPTIONS = ['web_service_account', 'client_credentials'];

const ukg = useSuiteResource<UkgSimulatorHandle>({
  name: 'UKG Pro simulator',
  start: () => startUkgSimulator(),
  close: (simulator) => simulator.close(),
});
const apps = useSuiteResource({
  name: 'UKG Pro Zapier apps',
  start: async () => {
    const built = await buildAppsIntoTemp(path.join(ROOT, 'connectors', 'ukg-pro', 'connector.ts'));
    for (const option of OPTIONS) await installCore(path.join(built.dir, option));
    return built;
  },
  close: (built) => built.remove(),
});

/** A simulator connection as Zapier's form holds it: the option selector is fixed per app. */
function formOf(name: string): Record<string, unknown> {
  const { auth_type: _selector, ...fields } = ukg.settings.connections[name] ?? {};
  return fields;
}

const requests = (route: string): number => ukg.production.state().requests[route] ?? 0;

describe('UKG Pro as Zapier apps', () => {
  it.each(OPTIONS)('validate --without-style finds the %s app structurally sound', async (option) => {
    const { stdout } = await zapier(path.join(apps.dir, option), ['validate', '--without-style']);
    expect(stdout).toContain('This project is structurally sound!');
  });

  it('web service account: a basic-auth app whose test and search run on the stored username and password', async () => {
    const cloud = new ZapierCloud(path.join(apps.dir, 'web_service_account'), formOf('prod'));
    expect(cloud.app.authentication.type).toBe('basic');
    expect(cloud.app.authentication.fields.map((field) => field.key)).not.toContain('auth_type');
    const me = (await cloud.run(cloud.app.authentication.test)) as Record<string, unknown>;
    expect(me['username']).toBe(ukg.settings.connections['prod']?.['username']);
    // A look-up action (read_only) is a search: one result in a list.
    const found = (await cloud.run(cloud.app.searches['search_employees']!.operation.perform, {
      per_page: '2',
    })) as Array<{ employees: unknown[]; per_page: number }>;
    expect(found).toHaveLength(1);
    expect(found[0]!.employees.length).toBeGreaterThan(0);
    expect(found[0]!.employees.length).toBeLessThanOrEqual(2);
    expect(found[0]!.per_page).toBe(2);
    expect(requests('token')).toBe(0);
  });

  it('web service account: a wrong customer API key is our unauthorized error, not a renewal', async () => {
    const cloud = new ZapierCloud(path.join(apps.dir, 'web_service_account'), formOf('prod_wrong_key'));
    const error = (await cloud.run(cloud.app.authentication.test).catch((e: unknown) => e)) as Error;
    expect(error.name).not.toBe('RefreshAuthError');
    expect(shown(error).code).toBe('unauthorized');
    expect(cloud.renewals).toBe(0);
    expect(error.message).not.toContain(String(ukg.settings.connections['prod_wrong_key']?.['customer_api_key']));
  });

  it('client credentials: a session app whose perform runs the grant; a rejected token is renewed by Zapier once', async () => {
    const cloud = new ZapierCloud(path.join(apps.dir, 'client_credentials'), formOf('prod_console'));
    expect(cloud.app.authentication.type).toBe('session');
    const before = requests('token');
    await cloud.connect();
    expect(requests('token')).toBe(before + 1);
    expect(typeof cloud.authData['access_token']).toBe('string');
    await cloud.run(cloud.app.authentication.test);
    // A token the API refuses (revoked, or from another tenant): the step asks Zapier to renew.
    cloud.authData = { ...cloud.authData, access_token: 'not-a-token' };
    const found = (await cloud.run(cloud.app.searches['list_org_levels']!.operation.perform)) as unknown[];
    expect(found).toHaveLength(1);
    expect(cloud.renewals).toBe(1);
    expect(requests('token')).toBe(before + 2);
    // The stored token is the one the second grant issued (a JWT: same claims, same second, same text).
    expect(cloud.authData['access_token']).toMatch(/^ey/);
  });
});
