import {
  accessTokenFor,
  connection,
  getJson,
  readJson,
  useTestSandbox,
  tokenRequest,
} from './support';

describe('sandbox token endpoint', () => {
  const sandbox = useTestSandbox();

  function refreshForm(name: string): Record<string, string> {
    return {
      grant_type: 'refresh_token',
      refresh_token: connection(sandbox, name).refresh_token ?? '',
    };
  }

  function clientOf(name: string): { id: string; secret: string } {
    const settings = connection(sandbox, name);
    return { id: settings.client_id, secret: settings.client_secret };
  }

  it('issues a bearer token for an ISU refresh token with HTTP Basic client auth', async () => {
    const us = connection(sandbox, 'us');
    const response = await tokenRequest(us.token_endpoint, refreshForm('us'), clientOf('us'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      expires_in: 3600,
    });
    const me = await getJson(
      `${us.rest_api_endpoint}/workers/me`,
      String(response.body.access_token),
    );
    expect(me.status).toBe(200);
    expect(me.body.descriptor).toBe('ISU_Connector_US');
  });

  it('accepts client_id and client_secret in the body', async () => {
    const us = connection(sandbox, 'us');
    const response = await tokenRequest(us.token_endpoint, refreshForm('us'), {
      ...clientOf('us'),
      bodyAuth: true,
    });
    expect(response.status).toBe(200);
    expect(response.body.token_type).toBe('Bearer');
  });

  it('ignores a scope parameter', async () => {
    const us = connection(sandbox, 'us');
    const response = await tokenRequest(
      us.token_endpoint,
      { ...refreshForm('us'), scope: 'accounting:write@acme_us' },
      clientOf('us'),
    );
    expect(response.status).toBe(200);
  });

  it('refuses Basic and body client credentials at once', async () => {
    const us = connection(sandbox, 'us');
    const response = await tokenRequest(
      us.token_endpoint,
      { ...refreshForm('us'), client_secret: us.client_secret },
      clientOf('us'),
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
  });

  it('refuses a JSON body with invalid_request', async () => {
    const us = connection(sandbox, 'us');
    const response = await readJson(
      await fetch(us.token_endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${us.client_id}:${us.client_secret}`).toString('base64')}`,
        },
        body: JSON.stringify(refreshForm('us')),
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: 'invalid_request',
      error_description: 'The token request must be application/x-www-form-urlencoded.',
    });
  });

  it('refuses client_credentials and unknown grants with unsupported_grant_type', async () => {
    const us = connection(sandbox, 'us');
    const credentials = await tokenRequest(
      us.token_endpoint,
      { grant_type: 'client_credentials' },
      clientOf('us'),
    );
    expect(credentials.status).toBe(400);
    expect(credentials.body.error).toBe('unsupported_grant_type');
    const password = await tokenRequest(
      us.token_endpoint,
      { grant_type: 'password' },
      clientOf('us'),
    );
    expect(password.status).toBe(400);
    expect(password.body.error).toBe('unsupported_grant_type');
  });

  it('answers invalid_client for the US client at the EMEA token endpoint', async () => {
    const wrong = connection(sandbox, 'us_client_at_emea');
    expect(wrong.token_endpoint).toContain('/ccx/oauth2/acme_emea/token');
    const response = await tokenRequest(
      wrong.token_endpoint,
      refreshForm('us_client_at_emea'),
      clientOf('us_client_at_emea'),
    );
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_client');
    expect(response.body.error_description).toBe(
      `Client '${wrong.client_id}' is not registered at tenant 'acme_emea'.`,
    );
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('answers invalid_client for a wrong secret without echoing it', async () => {
    const us = connection(sandbox, 'us');
    const response = await tokenRequest(us.token_endpoint, refreshForm('us'), {
      id: us.client_id,
      secret: 'not-the-secret',
    });
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_client');
    expect(JSON.stringify(response.body)).not.toContain('not-the-secret');
  });

  it('answers invalid_grant for a refresh token of another client', async () => {
    const limited = connection(sandbox, 'us_limited');
    const response = await tokenRequest(
      limited.token_endpoint,
      refreshForm('us'),
      clientOf('us_limited'),
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
  });

  it('answers invalid_grant for a revoked refresh token until reset', async () => {
    const us = connection(sandbox, 'us');
    sandbox.setFaults({ revokeRefreshTokens: [us.client_id] });
    const revoked = await tokenRequest(us.token_endpoint, refreshForm('us'), clientOf('us'));
    expect(revoked.status).toBe(400);
    expect(revoked.body.error).toBe('invalid_grant');
    // Only the named client's tokens were revoked.
    const emea = connection(sandbox, 'emea');
    expect(
      (await tokenRequest(emea.token_endpoint, refreshForm('emea'), clientOf('emea'))).status,
    ).toBe(200);
    sandbox.reset();
    expect((await tokenRequest(us.token_endpoint, refreshForm('us'), clientOf('us'))).status).toBe(
      200,
    );
  });

  it('expires access tokens after their lifetime and on expireAccessTokens', async () => {
    const us = connection(sandbox, 'us');
    sandbox.setFaults({ accessTokenTtlSeconds: 5 });
    const response = await tokenRequest(us.token_endpoint, refreshForm('us'), clientOf('us'));
    expect(response.body.expires_in).toBe(5);
    const token = String(response.body.access_token);
    expect((await getJson(`${us.rest_api_endpoint}/workers/me`, token)).status).toBe(200);
    sandbox.clock.advance(5_000);
    const expired = await getJson(`${us.rest_api_endpoint}/workers/me`, token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({
      error: 'Invalid access token.',
      errors: [{ error: 'The access token is invalid or has expired.' }],
    });

    const fresh = await accessTokenFor(sandbox, 'us');
    sandbox.setFaults({ expireAccessTokens: true });
    expect((await getJson(`${us.rest_api_endpoint}/workers/me`, fresh)).status).toBe(401);
    expect((await sandbox.state()).faults.fired).toEqual({ expireAccessTokens: 1 });
  });

  it('counts token requests by grant type exactly, failures included', async () => {
    const us = connection(sandbox, 'us');
    await tokenRequest(us.token_endpoint, refreshForm('us'), clientOf('us'));
    await tokenRequest(us.token_endpoint, refreshForm('us'), { id: us.client_id, secret: 'wrong' });
    await tokenRequest(us.token_endpoint, { grant_type: 'client_credentials' }, clientOf('us'));
    await tokenRequest(
      us.token_endpoint,
      { grant_type: 'authorization_code', code: 'x' },
      clientOf('us'),
    );
    await fetch(us.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    const state = await sandbox.state();
    expect(state.tokenRequests).toEqual({
      authorization_code: 1,
      refresh_token: 2,
      client_credentials: 1,
      other: 1,
      total: 5,
    });
    expect(state.requests).toEqual({ total: 5, byRoute: { 'oauth.token': 5 } });
  });
});
