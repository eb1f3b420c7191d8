import { diagnoseConnection } from '../../cli/doctor/diagnose-connection';
import connector from '../../connector';
import { ConnectorError } from '../../sdk/errors';
import { createRedactor } from '../../sdk/redact';
import { loadSettings } from '../../sdk/settings';
import { useCliFixture } from '../helpers/cli-fixture';
import type { DoctorSession } from '../../cli/doctor/diagnose-connection';
import type { LoadedConnector } from '../../cli/load-connector';

const fixture = useCliFixture();

async function diagnoseWith(session: DoctorSession) {
  const store = await loadSettings(fixture.settingsFile);
  return diagnoseConnection({
    definition: connector as unknown as LoadedConnector,
    store,
    name: 'us',
    redactor: createRedactor(),
    createSession: () => session,
  });
}

describe('diagnoseConnection()', () => {
  it('explains a rejected token on the connection test and skips the probes', async () => {
    const close = jest.fn();
    const runProbe = jest.fn();
    const report = await diagnoseWith({
      test: async () => {
        throw new ConnectorError(
          'unauthorized',
          'Request failed with status 401 Unauthorized: GET x',
          {
            details: { status: 401 },
          },
        );
      },
      runProbe,
      close,
    });
    const test = report.checks.find((c) => c.check === 'connection test');
    expect(test).toMatchObject({ status: 'fail', code: 'unauthorized', category: 'auth' });
    expect(test?.detail).toMatch(
      /^Workday rejected the access token on the connection test \(GET workers\/me\) even after one refresh \(401\)/,
    );
    expect(runProbe).not.toHaveBeenCalled();
    expect(
      report.checks.filter((c) => c.check.startsWith('actions.')).every((c) => c.status === 'skip'),
    ).toBe(true);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('names Staffing when the connection test is refused with 403', async () => {
    const report = await diagnoseWith({
      test: async () => {
        throw new ConnectorError('insufficient_scope', 'Forbidden', { details: { status: 403 } });
      },
      runProbe: jest.fn(),
      close: jest.fn(),
    });
    expect(report.checks.find((c) => c.check === 'connection test')?.detail).toBe(
      'the connection test (GET workers/me) was refused (403): the API client lacks functional area ' +
        'Staffing (needed by every action, since the connection test fails): add it in View API Clients → ' +
        'Edit API Client → Scope (Functional Areas).',
    );
  });

  it('closes the session after the probes', async () => {
    const close = jest.fn();
    const report = await diagnoseWith({
      test: async () => ({ id: 'w1', descriptor: 'ISU_Connector_US', tenant: 'acme_us' }),
      runProbe: async () => undefined,
      close,
    });
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.check === 'connection test')?.detail).toBe(
      'acts as ISU_Connector_US (id w1) in tenant acme_us.',
    );
    expect(close).toHaveBeenCalledTimes(1);
  });
});
