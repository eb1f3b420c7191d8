import { runCli } from '../../cli/run';
import { useCliFixture } from '../helpers/cli-fixture';

const fixture = useCliFixture();

async function refreshGrants(): Promise<number> {
  return (await fixture.sandbox.state()).tokenRequests.refresh_token;
}

describe('the connection across runs', () => {
  it('reuses a saved access token without asking for a new one', async () => {
    expect((await fixture.exec('test', 'us')).code).toBe(0);
    expect(await refreshGrants()).toBe(1);
    const saved = await fixture.readConnection('us');
    expect(typeof saved.access_token).toBe('string');

    const again = await fixture.exec('actions.search_inbox_tasks', 'us');
    expect(again.code).toBe(0);
    expect(await refreshGrants()).toBe(1);
    expect((await fixture.readConnection('us')).access_token).toBe(saved.access_token);
  });

  it('refreshes exactly once when the access token expires mid-run, succeeds and saves the new token', async () => {
    expect((await fixture.exec('test', 'us')).code).toBe(0);
    const before = await fixture.readConnection('us');
    const grantsBefore = await refreshGrants();

    // The saved token is still within its expiry by the clock, but the tenant no longer accepts it.
    fixture.sandbox.setFaults({ expireAccessTokens: true });
    const run = await fixture.exec('actions.search_inbox_tasks', 'us');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { tasks: unknown[]; total: number };
    expect(output.tasks.length).toBe(output.total);
    expect(output.total).toBeGreaterThan(0);

    const state = await fixture.sandbox.state();
    expect(state.tokenRequests.refresh_token).toBe(grantsBefore + 1);
    expect(state.tokenRequests.total).toBe(grantsBefore + 1);

    const after = await fixture.readConnection('us');
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).toBe(before.refresh_token);
    expect(Date.parse(String(after.access_token_expires_at))).toBeGreaterThan(Date.now());

    // The saved token is the working one: the next run needs no token request.
    expect((await fixture.exec('test', 'us')).code).toBe(0);
    expect((await fixture.sandbox.state()).tokenRequests.total).toBe(grantsBefore + 1);
  });

  it('uses the tokens doctor saved', async () => {
    let out = '';
    const code = await runCli(
      ['doctor', '--settings', 'settings.json', '--connection', 'emea', '--json'],
      { stdout: (t) => (out += t), stderr: () => undefined },
      { cwd: fixture.dir, env: {} },
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true });
    const grants = await refreshGrants();
    expect(grants).toBe(1);
    expect((await fixture.exec('test', 'emea')).code).toBe(0);
    expect(await refreshGrants()).toBe(grants);
  });
});
