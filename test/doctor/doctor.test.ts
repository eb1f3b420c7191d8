import { doctor } from '../../cli/commands/doctor';
import { useCliFixture } from '../helpers/cli-fixture';
import type { ConnectionReport, DoctorReport } from '../../cli/doctor/report';

const fixture = useCliFixture();

async function diagnose(
  options: { connection?: string; all?: boolean } = {},
): Promise<{ report: DoctorReport; exitCode: number }> {
  const { context } = fixture.context();
  const result = await doctor(
    { settings: 'settings.json', all: options.all ?? false, json: true, ...options },
    context,
  );
  return { report: JSON.parse(result.stdout ?? '') as DoctorReport, exitCode: result.exitCode };
}

function fixtureState() {
  return fixture.sandbox.state();
}

function row(report: ConnectionReport | undefined, check: string) {
  const found = report?.checks.find((c) => c.check === check);
  if (found === undefined) throw new Error(`no check '${check}' in the report`);
  return found;
}

async function one(connection: string): Promise<{ report: ConnectionReport; exitCode: number }> {
  const { report, exitCode } = await diagnose({ connection });
  return { report: report.connections[0] as ConnectionReport, exitCode };
}

describe('connector doctor', () => {
  it('finds us and emea healthy and writes their tokens back', async () => {
    const us = fixture.connections().us as Record<string, unknown>;
    const emea = fixture.connections().emea as Record<string, unknown>;
    await fixture.writeSettings({ us, emea });
    const { report, exitCode } = await diagnose({ all: true });
    expect(exitCode).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.connections.map((c) => [c.connection, c.tenant, c.ok])).toEqual([
      ['us', 'acme_us', true],
      ['emea', 'acme_emea', true],
    ]);
    for (const connection of report.connections) {
      expect(connection.checks.filter((c) => c.status !== 'pass')).toEqual([]);
      // Every action and trigger of the connector was probed.
      expect(
        connection.checks.filter((c) => /^(actions|triggers)\./.test(c.check)).length,
      ).toBeGreaterThan(5);
    }
    expect(row(report.connections[0], 'connection test').detail).toMatch(
      /^acts as .+ in tenant acme_us\.$/,
    );
    expect(row(report.connections[0], 'token facts').detail).toContain(
      'access token lifetime 3600 s (60 min) (expires_in)',
    );
    const saved = await fixture.readConnection('us');
    expect(typeof saved.access_token).toBe('string');
    expect(Date.parse(String(saved.access_token_expires_at))).toBeGreaterThan(Date.now());
    expect(saved.refresh_token).toBe(us.refresh_token);
  });

  it('names the tenant whose client is used at the other tenant (us_client_at_emea)', async () => {
    const { report, exitCode } = await one('us_client_at_emea');
    expect(exitCode).toBe(3);
    expect(row(report, 'endpoints').status).toBe('pass');
    const token = row(report, 'token request');
    expect(token).toMatchObject({ status: 'fail', code: 'invalid_client' });
    const clientId = String(fixture.connections().us?.client_id);
    expect(token.detail).toBe(
      "client id of connection 'us' (tenant acme_us) used at tenant acme_emea: API clients are registered " +
        "per tenant, so acme_emea's token endpoint does not know this client (invalid_client: Client " +
        `'${clientId}' is not registered at tenant 'acme_emea'). Fix connection 'us_client_at_emea': use ` +
        "the client id, secret and refresh token of acme_emea's own API client (connection 'emea' has one).",
    );
    expect(report.checks.slice(3).every((c) => c.status === 'skip')).toBe(true);
    expect(row(report, 'token facts').detail).toBe('skipped: no token was obtained.');
  });

  it('reports us_limited: token fine, journal and approval probes name the missing areas', async () => {
    const { report, exitCode } = await one('us_limited');
    expect(exitCode).toBe(3);
    expect(row(report, 'token request').status).toBe('pass');
    expect(row(report, 'connection test').status).toBe('pass');
    expect(row(report, 'actions.get_worker')).toMatchObject({ status: 'pass' });
    expect(row(report, 'actions.search_workers')).toMatchObject({ status: 'pass' });
    const search = row(report, 'actions.search_inbox_tasks');
    expect(search).toMatchObject({ status: 'fail', code: 'insufficient_scope', category: 'auth' });
    expect(search.detail).toBe(
      'GET workers/me/inboxTasks was refused (403): the API client lacks functional area Tenant ' +
        'Non-Configurable (needed by actions search_inbox_tasks, get_inbox_task, approve_reject_inbox_task; ' +
        'trigger new_inbox_task): add it in View API Clients → Edit API Client → Scope (Functional Areas).',
    );
    expect(row(report, 'actions.approve_reject_inbox_task')).toMatchObject({
      status: 'fail',
      code: 'insufficient_scope',
      detail:
        'needs functional area Tenant Non-Configurable (or permission for it): GET workers/me/inboxTasks ' +
        'failed as diagnosed for actions.search_inbox_tasks.',
    });
    const journal = row(report, 'actions.post_journal_entry');
    expect(journal).toMatchObject({ status: 'fail', code: 'insufficient_scope' });
    expect(journal.detail).toBe(
      'Workday answered "The task submitted is not authorized" to SOAP Financial_Management ' +
        "Get_Journal_Sources: the ISU's security group lacks permission for it (web services are secured " +
        'by domain and business-process security): grant the domain permission to the security group ' +
        '(Maintain Permissions for Security Group) and activate pending security policy changes. The call ' +
        'used an OAuth token, so also check that the API client has functional area Common Financial ' +
        'Management (needed by actions post_journal_entry, get_journal_entry, import_journal_entry, ' +
        'get_import_status) in View API Clients → Edit API Client → Scope (Functional Areas).',
    );
    expect(row(report, 'actions.get_journal_entry').detail).toMatch(
      /^needs functional area Common Financial Management/,
    );
    for (const check of report.checks) expect(check.detail).not.toMatch(/^unauthorized/i);
  });

  it('sends a revoked ISU refresh token to Manage Refresh Tokens for Integrations', async () => {
    fixture.sandbox.setFaults({ revokeRefreshTokens: true });
    const { report, exitCode } = await one('us');
    expect(exitCode).toBe(3);
    const token = row(report, 'token request');
    expect(token).toMatchObject({ status: 'fail', code: 'reauthorization_required' });
    expect(token.detail).toBe(
      'the refresh token was revoked or regenerated (invalid_grant: The refresh token is invalid, revoked ' +
        'or issued to another client): generate a new refresh token in Manage Refresh Tokens for ' +
        'Integrations (View API Clients → API Clients for Integrations → the client → Manage Refresh ' +
        'Tokens for Integrations → Generate New Refresh Token) and put it in "refresh_token".',
    );
  });

  it('tells a user account without a refresh token to run connector oauth2', async () => {
    const { report, exitCode } = await one('us_user');
    expect(exitCode).toBe(3);
    expect(row(report, 'settings').status).toBe('pass');
    expect(row(report, 'token request').detail).toBe(
      "connection 'us_user' is an API client for a user account and has no refresh token yet: run " +
        '`bin/connector oauth2 --connection us_user` to sign in and save one.',
    );
  });

  it('explains client_credentials settings', async () => {
    const us = { ...fixture.connections().us, auth_type: 'client_credentials' };
    await fixture.writeSettings({ us });
    const { report, exitCode } = await one('us');
    // Found in the settings before any request: exit 2, as the README says.
    expect(exitCode).toBe(2);
    const settings = row(report, 'settings');
    expect(settings).toMatchObject({ status: 'fail', code: 'invalid_settings' });
    expect(settings.detail).toMatch(
      /^auth_type "client_credentials" is not a documented way for Workday API clients: Workday API clients issue tokens through an authorization code/,
    );
    expect((await fixtureState()).tokenRequests.total).toBe(0);
  });

  it('names both tenants and the field to fix on a tenant mismatch', async () => {
    const connections = fixture.connections();
    const us = { ...connections.us, token_endpoint: connections.emea?.token_endpoint };
    await fixture.writeSettings({ us });
    const { report, exitCode } = await one('us');
    expect(exitCode).toBe(2);
    const endpoints = row(report, 'endpoints');
    expect(endpoints).toMatchObject({
      status: 'fail',
      code: 'tenant_mismatch',
      facts: { tenants: ['acme_emea', 'acme_us'], field: 'token_endpoint' },
    });
    expect(endpoints.detail).toMatch(
      /^The Token Endpoint \("token_endpoint"\) is for tenant "acme_emea" but the Workday REST API Endpoint \("rest_api_endpoint"\) is for tenant "acme_us"/,
    );
    expect((await fixtureState()).tokenRequests.total).toBe(0);
  });

  it('prints aligned tables for --all without any secret, exiting with the auth code', async () => {
    const { code, stdout, stderr } = await fixture.cli(
      'doctor',
      '--settings',
      fixture.settingsFile,
      '--all',
    );
    expect(stderr).toBe('');
    expect(code).toBe(3);
    expect(stdout).toContain("Connection 'us' (tenant acme_us): healthy");
    expect(stdout).toContain("Connection 'emea' (tenant acme_emea): healthy");
    expect(stdout).toContain("Connection 'us_limited' (tenant acme_us): problems found");
    expect(stdout).toContain("Connection 'us_client_at_emea' (tenant acme_emea): problems found");
    expect(stdout).toMatch(
      /^token request\s+✗\s+client id of connection 'us' \(tenant acme_us\) used at tenant/m,
    );
    for (const secret of fixture.secrets()) expect(stdout).not.toContain(secret);
    const saved = await fixture.readConnection('emea');
    expect(stdout).not.toContain(String(saved.access_token));
  });

  it('asks for --connection or --all when the file names several connections', async () => {
    const { context } = fixture.context();
    await expect(
      doctor({ settings: 'settings.json', all: false, json: false }, context),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      hint: 'Pass --connection NAME, or --all to check every one.',
    });
  });
});
