/**
 * Tokens going bad mid-run: an expired or revoked access token costs exactly one refresh (also
 * for many concurrent actions); a revoked refresh token is `reauthorization_required` at once,
 * with a bounded number of token requests and no loop.
 */
import { useSandboxFixture } from '../helpers/sandbox-session';
import { caught } from '../helpers/caught';

const LOGAN = '1098bc33a7485eb30301db1e72cf738b';

const fixture = useSandboxFixture();

async function tokenRequests(): Promise<number> {
  return (await fixture.state()).tokenRequests.total;
}

it('an access token expired mid-run costs exactly one refresh, then the action succeeds', async () => {
  const saved: string[] = [];
  const session = fixture.session('us', {}, { onTokens: (u) => void saved.push(u.access_token) });
  await session.runAction('get_worker', { worker_id: LOGAN });
  expect(await tokenRequests()).toBe(1);

  fixture.setFaults({ expireAccessTokens: true });
  await expect(session.runAction('get_worker', { worker_id: LOGAN })).resolves.toMatchObject({
    id: LOGAN,
  });

  expect(await tokenRequests()).toBe(2);
  expect(saved).toHaveLength(2);
  expect(saved[1]).not.toBe(saved[0]);
  // The rejected attempt and the one with the new token.
  expect(await fixture.count('rest.workers.get')).toBe(3);
});

it('twenty concurrent actions behind an expired token share one refresh', async () => {
  const session = fixture.session('us');
  await session.test();
  fixture.setFaults({ expireAccessTokens: true });

  const results = await Promise.all(
    Array.from({ length: 20 }, () => session.runAction('get_worker', { worker_id: LOGAN })),
  );

  expect(results).toHaveLength(20);
  expect((await fixture.state()).tokenRequests.refresh_token).toBe(2);
});

describe('a token that lives 1 s', () => {
  // One manual clock for the sandbox (token expiry) and the session (when to refresh), so the
  // test does not depend on how fast this machine runs the actions: time moves only when told.
  let clockMs = Date.UTC(2026, 0, 5, 9, 0, 0);
  const now = (): number => clockMs;
  const clocked = useSandboxFixture({ sandbox: { now } });

  it('is refreshed early, past half of its lifetime, without a rejected request', async () => {
    clocked.setFaults({ accessTokenTtlSeconds: 1 });
    const session = clocked.session('us', {}, { now });
    const tokens = async (): Promise<number> => (await clocked.state()).tokenRequests.total;
    await session.runAction('get_worker', { worker_id: LOGAN });
    await session.runAction('get_worker', { worker_id: LOGAN });
    expect(await tokens()).toBe(1);
    // Under half of its lifetime: still used as is.
    clockMs += 400;
    await session.runAction('get_worker', { worker_id: LOGAN });
    expect(await tokens()).toBe(1);
    // Past half but not expired (the sandbox would still accept it): refreshed before use.
    clockMs += 200;
    await session.runAction('get_worker', { worker_id: LOGAN });
    expect(await tokens()).toBe(2);
    // Every request went out once: none was rejected with 401 and repeated.
    expect(await clocked.count('rest.workers.get')).toBe(4);
  });
});

it('a revoked refresh token: reauthorization_required after one token request, no loop', async () => {
  const session = fixture.session('us');
  await session.test();
  fixture.setFaults({ revokeRefreshTokens: true, expireAccessTokens: true });
  const before = await tokenRequests();

  const error = await caught(session.runAction('get_worker', { worker_id: LOGAN }));

  expect(error.code).toBe('reauthorization_required');
  expect(error.details.oauthError).toBe('invalid_grant');
  expect(error.hint).toEqual(expect.any(String));
  expect((await tokenRequests()) - before).toBe(1);
});

it('a session whose refresh token was revoked asks the token endpoint once, then fails fast', async () => {
  fixture.setFaults({ revokeRefreshTokens: true });
  const session = fixture.session('us');

  for (let run = 1; run <= 3; run += 1) {
    const error = await caught(session.runAction('get_worker', { worker_id: LOGAN }));
    expect(error.code).toBe('reauthorization_required');
  }
  // The session remembers the revoked token instead of hammering the token endpoint.
  expect(await tokenRequests()).toBe(1);
  expect(await fixture.count('rest.workers.get')).toBe(0);
});

it('concurrent actions behind a revoked refresh token cause a single token request', async () => {
  const session = fixture.session('us');
  await session.test();
  fixture.setFaults({ revokeRefreshTokens: true, expireAccessTokens: true });
  const before = await tokenRequests();

  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, () => session.runAction('get_worker', { worker_id: LOGAN })),
  );

  for (const outcome of outcomes) {
    expect(outcome.status).toBe('rejected');
    expect((outcome as PromiseRejectedResult).reason).toMatchObject({
      code: 'reauthorization_required',
    });
  }
  expect((await tokenRequests()) - before).toBe(1);
});
