import { connection, createPkce, getJson, tokenRequest, useTestSandbox } from './support';

/** The form fields of the consent page, read from its HTML the way a browser would post them. */
function readHiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]!] = match[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return fields;
}

describe('sandbox authorization endpoint', () => {
  const sandbox = useTestSandbox({ loginDelay: 5 });

  function authorizeUrl(params: Record<string, string>): string {
    const user = connection(sandbox, 'us_user');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: user.client_id,
      redirect_uri: user.redirect_uri ?? '',
      state: 'st&ate=1',
      ...params,
    });
    return `${user.authorization_endpoint}?${query.toString()}`;
  }

  async function submitConsent(
    url: string,
    credentials: { username: string; password: string },
    decision: 'allow' | 'deny',
  ): Promise<Response> {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
    expect(action).toBe('/acme_us/authorize');
    const form = new URLSearchParams({ ...readHiddenFields(html), ...credentials, decision });
    return fetch(`${sandbox.origin}${action ?? ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
  }

  async function authorize(
    pkce: { challenge: string } | undefined,
    redirectUri?: string,
  ): Promise<URL> {
    const params: Record<string, string> = {};
    if (pkce !== undefined)
      Object.assign(params, { code_challenge: pkce.challenge, code_challenge_method: 'S256' });
    if (redirectUri !== undefined) params.redirect_uri = redirectUri;
    const response = await submitConsent(authorizeUrl(params), sandbox.users.lmcneil!, 'allow');
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  function exchange(
    code: string,
    extra: Record<string, string> = {},
  ): ReturnType<typeof tokenRequest> {
    const user = connection(sandbox, 'us_user');
    return tokenRequest(
      user.token_endpoint,
      { grant_type: 'authorization_code', code, redirect_uri: user.redirect_uri ?? '', ...extra },
      { id: user.client_id, secret: user.client_secret },
    );
  }

  it('shows a login and consent page naming the client and its functional areas', async () => {
    const page = await fetch(authorizeUrl({}));
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('Acme Approvals App (US)');
    expect(html).toContain('<li>Tenant Non-Configurable</li>');
    expect(html).toContain('name="password" type="password"');
    expect(readHiddenFields(html)).toMatchObject({ state: 'st&ate=1', response_type: 'code' });
  });

  it('redirects with a code and state after Allow, and the code yields tokens for the user', async () => {
    const pkce = createPkce();
    const location = await authorize(pkce);
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:45555/oauth/callback');
    expect(location.searchParams.get('state')).toBe('st&ate=1');
    const code = location.searchParams.get('code') ?? '';
    const tokens = await exchange(code, { code_verifier: pkce.verifier });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.any(String),
    });
    const user = connection(sandbox, 'us_user');
    const me = await getJson(
      `${user.rest_api_endpoint}/workers/me`,
      String(tokens.body.access_token),
    );
    expect(me.body.descriptor).toBe('Logan McNeil');

    const refreshed = await tokenRequest(
      user.token_endpoint,
      { grant_type: 'refresh_token', refresh_token: String(tokens.body.refresh_token) },
      { id: user.client_id, secret: user.client_secret },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
  });

  it('accepts the registered loopback callback on any port (RFC 8252 §7.3)', async () => {
    const location = await authorize(undefined, 'http://127.0.0.1:51234/oauth/callback');
    expect(location.port).toBe('51234');
    const tokens = await exchange(location.searchParams.get('code') ?? '', {
      redirect_uri: 'http://127.0.0.1:51234/oauth/callback',
    });
    expect(tokens.status).toBe(200);
  });

  it('refuses a replayed code and revokes the tokens issued from it', async () => {
    const location = await authorize(undefined);
    const code = location.searchParams.get('code') ?? '';
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const replay = await exchange(code);
    expect(replay.status).toBe(400);
    expect(replay.body).toEqual({
      error: 'invalid_grant',
      error_description: 'The authorization code has already been used.',
    });
    const user = connection(sandbox, 'us_user');
    expect(
      (await getJson(`${user.rest_api_endpoint}/workers/me`, String(first.body.access_token)))
        .status,
    ).toBe(401);
  });

  it('refuses a PKCE verifier that does not match the challenge', async () => {
    const location = await authorize(createPkce());
    const response = await exchange(location.searchParams.get('code') ?? '', {
      code_verifier: createPkce().verifier,
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
    expect(response.body.error_description).toMatch(/code_verifier/);
  });

  it('refuses a code used after 60 seconds', async () => {
    const location = await authorize(undefined);
    sandbox.clock.advance(60_000);
    const response = await exchange(location.searchParams.get('code') ?? '');
    expect(response.status).toBe(400);
    expect(response.body.error_description).toBe('The authorization code has expired.');
  });

  it('refuses a redirect_uri that differs from the authorization request', async () => {
    const location = await authorize(undefined, 'http://127.0.0.1:51234/oauth/callback');
    const response = await exchange(location.searchParams.get('code') ?? '');
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
    expect(response.body.error_description).toMatch(/redirect_uri/);
  });

  it('redirects with access_denied and the state after Deny', async () => {
    const response = await submitConsent(authorizeUrl({}), { username: '', password: '' }, 'deny');
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st&ate=1');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('shows the page again with an error after a wrong password', async () => {
    const response = await submitConsent(
      authorizeUrl({}),
      { username: 'lmcneil', password: 'wrong' },
      'allow',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain('Invalid username or password.');
    expect(html).toContain('value="lmcneil"');
  });

  it('refuses an ISU login on the consent page', async () => {
    const response = await submitConsent(
      authorizeUrl({}),
      { username: 'ISU_Connector_US', password: sandbox.users.ISU_Connector_US!.password },
      'allow',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Invalid username or password.');
  });

  it('shows an error page without redirecting for an unregistered redirect URI', async () => {
    const response = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/callback' }), {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('The redirect_uri is not registered');
  });

  it('shows an error page for an integrations client or an unknown client', async () => {
    const integrations = await fetch(
      authorizeUrl({ client_id: connection(sandbox, 'us').client_id }),
      { redirect: 'manual' },
    );
    expect(integrations.status).toBe(400);
    expect(integrations.headers.get('location')).toBeNull();
    const unknown = await fetch(authorizeUrl({ client_id: 'nobody' }), { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(
      'Client &#39;nobody&#39; is not an API client for user accounts',
    );
  });

  it('redirects protocol errors once the redirect URI is trusted', async () => {
    const response = await fetch(authorizeUrl({ response_type: 'token' }), { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'unsupported_response_type',
    );
    const plain = await fetch(
      authorizeUrl({ code_challenge: 'abc', code_challenge_method: 'plain' }),
      { redirect: 'manual' },
    );
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'invalid_request',
    );
  });
});
