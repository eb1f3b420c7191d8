import { isHostRenewal, zapierStepTokens } from '../../../platforms/zapier/runtime/step-tokens';
import { isConnectorError } from '../../../sdk/errors';
import { useSandboxFixture } from '../../helpers/sandbox-session';
import { caught } from '../../helpers/caught';

const f = useSandboxFixture();

const renewal = (error: unknown): boolean => isConnectorError(error) && isHostRenewal(error);

describe('a Zapier step session (tokens kept by Zapier, through the SDK tokenSource)', () => {
  it('requests no token when none is stored: the step asks Zapier to renew', async () => {
    const session = f.session('us', {}, { tokenSource: zapierStepTokens({}) });
    const error = await caught(session.runAction('get_worker', { worker_id: 'me' }));
    expect(renewal(error)).toBe(true);
    expect((await f.state()).tokenRequests.total).toBe(0);
  });

  it('uses the stored token, and on a 401 asks Zapier instead of refreshing', async () => {
    let token = '';
    await f.session('us', {}, { onTokens: (update) => void (token = update.access_token) }).test();
    const session = f.session('us', {}, { tokenSource: zapierStepTokens({ access_token: token }) });
    await expect(session.test()).resolves.toMatchObject({ tenant: 'acme_us' });
    f.setFaults({ expireAccessTokens: true });
    const error = await caught(session.test());
    expect(renewal(error)).toBe(true);
    expect((await f.state()).tokenRequests.total).toBe(1);
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it('asks Zapier before sending a token whose stored expiry has passed', async () => {
    const session = f.session(
      'us',
      {},
      {
        tokenSource: zapierStepTokens({
          access_token: 'stale',
          access_token_expires_at: '2020-01-01T00:00:00.000Z',
        }),
      },
    );
    expect(renewal(await caught(session.test()))).toBe(true);
    expect((await f.state()).tokenRequests.total).toBe(0);
  });
});
