// One keep-alive pool per connection: requests of a run and the actions a process runs reuse
// sockets, counted on the sandbox side (every TCP connection it accepts).
import { useSandboxFixture } from '../helpers/sandbox-session';

describe('connection pool', () => {
  const fixture = useSandboxFixture();

  it('opens at most one socket per concurrent request slot, however many actions run', async () => {
    const session = fixture.session('us');
    await session.runAction('get_worker', { worker_id: 'me' });
    const warm = (await fixture.state()).sockets.opened;
    // The token request and the API request ran one after the other on one pooled socket.
    expect(warm).toBe(1);

    const results = await Promise.all(
      Array.from({ length: 300 }, () => session.runAction('get_worker', { worker_id: 'me' })),
    );
    expect(results).toHaveLength(300);
    const afterBurst = (await fixture.state()).sockets.opened;
    // The connection's pool holds 16 sockets; 300 requests must not open 300 connections.
    expect(afterBurst).toBeLessThanOrEqual(16);
    expect(afterBurst).toBeGreaterThan(warm);

    // Later actions of the same process reuse the warm sockets: no new connection at all.
    await session.runAction('search_workers', { limit: 5 });
    await session.runAction('search_inbox_tasks', { limit: 20 });
    expect((await fixture.state()).sockets.opened).toBe(afterBurst);
  });

  it('gives each connection its own pool', async () => {
    const us = fixture.session('us');
    const emea = fixture.session('emea');
    await us.runAction('get_worker', { worker_id: 'me' });
    const afterUs = (await fixture.state()).sockets.opened;
    await emea.runAction('get_worker', { worker_id: 'me' });
    // The EMEA session cannot borrow a socket that carries the US tenant's requests.
    expect((await fixture.state()).sockets.opened).toBeGreaterThan(afterUs);
  });
});
