import { useSandboxFixture } from '../../helpers/sandbox-session';
import { caught } from '../../helpers/caught';

const f = useSandboxFixture();

describe("tokenRenewal: 'host' (the platform keeps and renews the tokens)", () => {
  it('never requests a token without one: the call fails unauthorized with renewal host', async () => {
    const session = f.session('us', {}, { tokenRenewal: 'host' });
    const error = await caught(session.runAction('get_worker', { worker_id: 'me' }));
    expect(error).toMatchObject({ code: 'unauthorized', details: { renewal: 'host' } });
    expect((await f.state()).tokenRequests.total).toBe(0);
  });

  it('uses the token it is given, and on a 401 asks the host instead of refreshing', async () => {
    let token = '';
    await f.session('us', {}, { onTokens: (update) => void (token = update.access_token) }).test();
    const session = f.session('us', {}, { tokenRenewal: 'host', tokens: { access_token: token } });
    await expect(session.test()).resolves.toMatchObject({ tenant: 'acme_us' });
    f.setFaults({ expireAccessTokens: true });
    const error = await caught(session.test());
    expect(error).toMatchObject({ code: 'unauthorized', details: { renewal: 'host' } });
    expect((await f.state()).tokenRequests.total).toBe(1);
    expect(JSON.stringify(error)).not.toContain(token);
  });
});
