import { createHash } from 'node:crypto';
import { buildAuthorizationUrl } from '../../../sdk/oauth2';

describe('buildAuthorizationUrl()', () => {
  const base = {
    authorizationEndpoint: 'https://auth.example/acme/authorize?tenant=acme',
    clientId: 'client 1',
    redirectUri: 'http://127.0.0.1:45555/callback',
  };

  it('adds response_type, client_id, redirect_uri, state and an S256 challenge of the verifier', () => {
    const request = buildAuthorizationUrl(base);
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('https://auth.example/acme/authorize');
    expect(url.searchParams.get('tenant')).toBe('acme');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('client 1');
    expect(url.searchParams.get('redirect_uri')).toBe(base.redirectUri);
    expect(url.searchParams.get('state')).toBe(request.state);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    // RFC 7636 §4.2, computed independently of the SDK.
    const expected = createHash('sha256')
      .update(request.codeVerifier ?? '')
      .digest('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(url.searchParams.get('code_challenge')).toBe(expected);
    expect(request.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(url.searchParams.has('scope')).toBe(false);
  });

  it('makes a fresh state and verifier each time', () => {
    const a = buildAuthorizationUrl(base);
    const b = buildAuthorizationUrl(base);
    expect(a.state).not.toBe(b.state);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(a.state.length).toBeGreaterThanOrEqual(32);
  });

  it('omits PKCE when turned off and keeps a given state and extra parameters', () => {
    const request = buildAuthorizationUrl({
      ...base,
      pkce: false,
      state: 'given',
      extraParams: { prompt: 'login' },
    });
    const url = new URL(request.url);
    expect(request.codeVerifier).toBeUndefined();
    expect(url.searchParams.has('code_challenge')).toBe(false);
    expect(url.searchParams.get('state')).toBe('given');
    expect(url.searchParams.get('prompt')).toBe('login');
  });
});
