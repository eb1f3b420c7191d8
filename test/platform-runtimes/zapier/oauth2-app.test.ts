import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { submitLogin } from '../../oauth2-cli/sign-in';
import { useSandboxFixture } from '../../helpers/sandbox-session';
import { useSuiteResource } from '../../helpers/suite-resource';
import { buildAppsIntoTemp, ZapierCloud } from './zapier-harness';

const f = useSandboxFixture();
const apps = useSuiteResource({ name: 'zapier apps', start: buildAppsIntoTemp, close: (a) => a.remove() });

describe('the OAuth2 (user account) Zapier app', () => {
  it('signs in with PKCE, stores the tokens Zapier keeps, and renews an expired token with refreshAccessToken', async () => {
    const settings = f.settings('us_user');
    const redirectUri = String(settings['redirect_uri']);
    // The authentication form: Zapier reserves client_id and client_secret as keys.
    const form = {
      rest_api_endpoint: settings['rest_api_endpoint'],
      authorization_endpoint: settings['authorization_endpoint'],
      token_endpoint: settings['token_endpoint'],
      connection_client_id: settings['client_id'],
      connection_client_secret: settings['client_secret'],
    };
    const cloud = new ZapierCloud(path.join(apps.dir, 'authorization_code'), form);
    const oauth2 = cloud.app.authentication.oauth2Config;
    if (oauth2 === undefined) throw new Error('not an OAuth2 app');

    const url = new URL(
      String(
        await cloud.tester(oauth2.authorizeUrl, {
          inputData: { ...form, state: 'zap-state-1', redirect_uri: redirectUri },
        }),
      ),
    );
    expect(url.origin + url.pathname).toBe(settings['authorization_endpoint']);
    expect(url.searchParams.get('client_id')).toBe(settings['client_id']);
    expect(url.searchParams.get('state')).toBe('zap-state-1');
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(url.searchParams.get('response_type')).toBe('code');
    // PKCE is Zapier's (`enablePkce`): the app adds no challenge of its own.
    expect(url.searchParams.has('code_challenge')).toBe(false);

    // What Zapier's cloud does with enablePkce: its own verifier, the challenge on the URL.
    const verifier = randomBytes(32).toString('base64url');
    url.searchParams.set('code_challenge', createHash('sha256').update(verifier).digest('base64url'));
    url.searchParams.set('code_challenge_method', 'S256');
    const callback = new URL(
      await submitLogin(url.toString(), { ...f.sandbox.users['lmcneil']!, decision: 'allow' }),
    );
    expect(callback.searchParams.get('state')).toBe('zap-state-1');

    const tokens = (await cloud.tester(oauth2.getAccessToken, {
      inputData: {
        ...form,
        code: callback.searchParams.get('code'),
        redirect_uri: redirectUri,
        code_verifier: verifier,
      },
    })) as Record<string, string>;
    expect(typeof tokens['access_token']).toBe('string');
    expect(typeof tokens['refresh_token']).toBe('string');
    expect((await f.state()).tokenRequests.authorization_code).toBe(1);
    cloud.authData = { ...cloud.authData, ...tokens };

    expect(await cloud.run(cloud.app.authentication.test)).toMatchObject({ tenant: 'acme_us' });
    f.setFaults({ expireAccessTokens: true });
    const me = await cloud.run(cloud.app.authentication.test);
    expect(me).toMatchObject({ tenant: 'acme_us' });
    expect(cloud.renewals).toBe(1);
    expect(cloud.authData['access_token']).not.toBe(tokens['access_token']);
    expect((await f.state()).tokenRequests.refresh_token).toBe(1);
  });
});
