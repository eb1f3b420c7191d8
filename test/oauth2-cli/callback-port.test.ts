import { chooseCallbackPort, sameRedirectUri } from '../../cli/oauth2/callback-port';

describe('chooseCallbackPort()', () => {
  it.each([
    ['--port wins', 8080, 'http://127.0.0.1:45555/oauth/callback', 8080],
    ['--port 0 (any free port) wins', 0, 'http://127.0.0.1:45555/oauth/callback', 0],
    ['the redirect_uri port', undefined, 'http://127.0.0.1:47000/oauth/callback', 47000],
    ['localhost redirect_uri', undefined, 'http://localhost:47001/oauth/callback', 47001],
    ['the default without redirect_uri', undefined, undefined, 45555],
    [
      'the default for a non-loopback redirect_uri',
      undefined,
      'https://example.com:8443/cb',
      45555,
    ],
    ['the default for a malformed redirect_uri', undefined, 'not a url', 45555],
  ])('uses %s', (_what, flag, redirectUri, expected) => {
    expect(chooseCallbackPort(flag, redirectUri)).toBe(expected);
  });
});

describe('sameRedirectUri()', () => {
  it('compares host, port and path', () => {
    const actual = 'http://127.0.0.1:45555/oauth/callback';
    expect(sameRedirectUri(undefined, actual)).toBe(true);
    expect(sameRedirectUri('http://127.0.0.1:45555/oauth/callback', actual)).toBe(true);
    expect(sameRedirectUri('http://127.0.0.1:45556/oauth/callback', actual)).toBe(false);
    expect(sameRedirectUri('http://127.0.0.1:45555/callback', actual)).toBe(false);
    expect(sameRedirectUri('nonsense', actual)).toBe(false);
  });
});
