/** `connector doctor --connector workiva`: granted scope shown when narrower than asked. */
import { readFileSync } from 'node:fs';
import { createRedactor } from '../../../../sdk/redact';
import { loadSettings } from '../../../../sdk/settings';
import type { LoadedConnector } from '../../../../cli/load-connector';
import connector from '../../connector';
import { diagnoseWorkiva } from '../../doctor/diagnose';
import { connectionOf, settingsFile, useWorkivaSimulator } from '../support';

const sim = useWorkivaSimulator();

async function diagnose(name: string, extra: Record<string, Record<string, unknown>> = {}) {
  const { file, cleanup } = await settingsFile(sim(), extra);
  try {
    const store = await loadSettings(file);
    const report = await diagnoseWorkiva({
      definition: connector as unknown as LoadedConnector,
      store,
      name,
      redactor: createRedactor(),
      timeoutMs: 5000,
    });
    const row = (check: string) => {
      const found = report.checks.find((c) => c.check === check);
      if (found === undefined) throw new Error(`no row ${check}: ${JSON.stringify(report.checks)}`);
      return found;
    };
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      connections: Record<string, Record<string, unknown>>;
    };
    return { report, row, saved: saved.connections[name] ?? {} };
  } finally {
    await cleanup();
  }
}

test('a grant that gives what was asked passes, and the token is saved with its scope', async () => {
  const { report, row, saved } = await diagnose('us');
  expect(report.ok).toBe(true);
  expect(row('granted scope').detail).toBe('file:read file:write.');
  expect(saved.granted_scope).toBe('file:read file:write');
  expect(typeof saved.access_token).toBe('string');
});

test('a narrower grant is shown with the scope missing and the actions it breaks', async () => {
  const { report, row } = await diagnose('us_readonly');
  expect(report.ok).toBe(false);
  expect(row('granted scope')).toMatchObject({ status: 'fail', code: 'insufficient_scope' });
  expect(row('granted scope').detail).toMatch(
    /^Asked for "file:read file:write", granted only "file:read": file:write was not granted, so actions.update_range will be refused \(403\)/,
  );
  expect(row('actions.list_files').status).toBe('pass');
});

test('a base_url of another region is refused before any call', async () => {
  const c = { ...connectionOf(sim(), 'us'), base_url: 'https://api.eu.wdesk.com' };
  const { row } = await diagnose('wrong_region', { wrong_region: c });
  expect(row('endpoints')).toMatchObject({ status: 'fail', code: 'invalid_settings' });
  expect(sim().us.state().tokenRequests).toBe(0);
});
