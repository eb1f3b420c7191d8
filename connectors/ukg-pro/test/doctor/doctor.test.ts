/**
 * `connector doctor --connector ukg-pro` diagnoses, each against the simulator over HTTP:
 * customer API key, a missing web-service permission, test credentials on production, a token
 * without global-tenant-id or of another tenant, and the seed's headers that do not exist.
 */
import { createRedactor } from '../../../../sdk/redact';
import { loadSettings } from '../../../../sdk/settings';
import type { LoadedConnector } from '../../../../cli/load-connector';
import type { CheckResult } from '../../../../cli/doctor/report';
import connector from '../../connector';
import { diagnoseUkg } from '../../doctor/diagnose';
import { startUkgSimulator } from '../../simulator';
import type { UkgSimulatorHandle } from '../../simulator';
import { connectionOf, settingsFile, useUkgSimulator } from '../support';

const ukg = useUkgSimulator();

async function diagnose(
  name: string,
  extra: Record<string, Record<string, unknown>> = {},
  simulator: UkgSimulatorHandle = ukg(),
) {
  const { file, cleanup } = await settingsFile(simulator, extra);
  try {
    const store = await loadSettings(file);
    const report = await diagnoseUkg({
      definition: connector as unknown as LoadedConnector,
      store,
      name,
      redactor: createRedactor(),
      timeoutMs: 5000,
    });
    const row = (check: string): CheckResult => {
      const found = report.checks.find((c) => c.check === check);
      if (found === undefined) throw new Error(`no row ${check}: ${JSON.stringify(report.checks)}`);
      return found;
    };
    return { report, row };
  } finally {
    await cleanup();
  }
}

test('a healthy web service account passes every row', async () => {
  const { report, row } = await diagnose('prod');
  expect(report.ok).toBe(true);
  expect(row('actions.list_org_levels').status).toBe('pass');
  expect(row('seed claims').detail).toMatch(/no X-Tenant-ID header and no tenant_context/);
});

test('a wrong customer API key is named', async () => {
  const { report, row } = await diagnose('prod_wrong_key');
  expect(report.ok).toBe(false);
  expect(row('connection test')).toMatchObject({ status: 'fail', code: 'unauthorized' });
  expect(row('connection test').detail).toMatch(/customer API key is wrong or missing/);
  expect(row('actions.get_employee').status).toBe('skip');
});

test('a missing customer API key is named by the settings check', async () => {
  const c = { ...connectionOf(ukg(), 'prod') };
  delete c.customer_api_key;
  const { row } = await diagnose('no_key', { no_key: c });
  expect(row('settings')).toMatchObject({ status: 'fail', code: 'invalid_settings' });
  expect(row('settings').detail).toMatch(
    /"customer_api_key" required when auth_type is web_service_account/,
  );
});

test('with undocumented (generic) 401 bodies, all three credentials are named', async () => {
  const generic = await startUkgSimulator({ authErrorDetail: 'generic' });
  try {
    const { row } = await diagnose('prod_wrong_key', {}, generic);
    expect(row('connection test').detail).toMatch(
      /user name, its password and the US-Customer-Api-Key together/,
    );
  } finally {
    await generic.close();
  }
});

test('a missing web-service permission is named on the operations that need it', async () => {
  const { report, row } = await diagnose('prod_people_only');
  expect(report.ok).toBe(false);
  expect(row('connection test').status).toBe('pass');
  expect(row('actions.search_employees').status).toBe('pass');
  for (const op of ['actions.list_org_levels', 'actions.list_positions']) {
    expect(row(op)).toMatchObject({ status: 'fail', code: 'insufficient_scope' });
    expect(row(op).detail).toMatch(/lacks "Company Configuration Integration \(View\)"/);
  }
});

test("test credentials on the production host are recognised as the test environment's", async () => {
  const { row } = await diagnose('prod_with_test_credentials');
  expect(row('connection test').status).toBe('fail');
  expect(row('connection test').detail).toContain(
    `accepted by ${ukg().test.origin} (connection "test"`,
  );
  expect(row('connection test').detail).toMatch(/separate service accounts and customer API keys/);
});

test('a test host in a production connection is refused before any call', async () => {
  const c = {
    ...connectionOf(ukg(), 'prod'),
    base_url: 'https://servicet.ultipro.com/services/',
    environment: 'production',
  };
  const { row } = await diagnose('declared', { declared: c });
  expect(row('endpoints')).toMatchObject({ status: 'fail', code: 'tenant_mismatch' });
  expect(row('endpoints').detail).toMatch(/servicet\.ultipro\.com is UKG's test web-services host/);
  expect(row('token request').status).toBe('skip');
});

test('a Developer Console token passes and shows its organization', async () => {
  const { report, row } = await diagnose('prod_console');
  expect(report.ok).toBe(true);
  expect(row('token claims').detail).toBe('issued for organization org_AcmePrd7Kq2Lm9X.');
});

test('a client-credentials token without global-tenant-id is explained', async () => {
  const { row } = await diagnose('prod_console_no_organization');
  expect(row('token request').status).toBe('pass');
  expect(row('connection test')).toMatchObject({ status: 'fail', code: 'unauthorized' });
  expect(row('connection test').detail).toMatch(
    /carry no global-tenant-id header because the connection has no "organization"/,
  );
  expect(row('connection test').detail).toMatch(/not X-Tenant-ID/);
});

test('a staging client on the production host is recognised by its organization', async () => {
  const { row } = await diagnose('prod_console_with_test_client');
  expect(row('connection test').status).toBe('fail');
  expect(row('connection test').detail).toMatch(
    /Connection "prod_console" calls the same host with organization org_AcmePrd7Kq2Lm9X/,
  );
});

test('a staging client asking for the production organization fails at the token request', async () => {
  const c = {
    ...connectionOf(ukg(), 'prod_console_with_test_client'),
    organization: 'org_AcmePrd7Kq2Lm9X',
  };
  const { row } = await diagnose('mixed', { mixed: c });
  expect(row('token request').status).toBe('fail');
  expect(row('token request').detail).toMatch(/belongs to another organization \(tenant\)/);
});

test('an X-Tenant-ID setting is called out as a header UKG Pro does not have', async () => {
  const c = { ...connectionOf(ukg(), 'prod'), 'X-Tenant-ID': 'acme', tenant_context: 'acme' };
  const { row } = await diagnose('seeded', { seeded: c });
  expect(row('seed claims')).toMatchObject({ status: 'fail' });
  expect(row('seed claims').detail).toMatch(/"X-Tenant-ID": UKG Pro has no X-Tenant-ID header/);
  expect(row('seed claims').detail).toMatch(
    /"tenant_context": UKG Pro token requests have no tenant_context/,
  );
});
