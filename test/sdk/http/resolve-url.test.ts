import { resolveUrl } from '../../../sdk/http';

describe('resolveUrl()', () => {
  it.each([
    ['https://h.example/ccx/api/v1/acme', 'workers', 'https://h.example/ccx/api/v1/acme/workers'],
    ['https://h.example/ccx/api/v1/acme/', 'workers', 'https://h.example/ccx/api/v1/acme/workers'],
    [
      'https://h.example/ccx/api/v1/acme',
      'workers/me?x=1',
      'https://h.example/ccx/api/v1/acme/workers/me?x=1',
    ],
    ['https://h.example/ccx/api/v1/acme/', '/ccx/other', 'https://h.example/ccx/other'],
    ['https://h.example/ccx/api/v1/acme', '/', 'https://h.example/'],
    ['https://h.example', 'workers', 'https://h.example/workers'],
    ['https://h.example/a', 'https://h.example/b/c', 'https://h.example/b/c'],
  ])('resolves %s + %s', (base, path, expected) => {
    expect(resolveUrl(base, path).toString()).toBe(expected);
  });

  it.each([
    'https://evil.example/steal',
    '//evil.example/steal',
    'http://h.example/downgraded',
    'https://h.example:8443/other-port',
  ])('refuses %s on another origin', (path) => {
    expect(() => resolveUrl('https://h.example/ccx/api', path)).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('names the foreign origin and the connection host in the message', () => {
    expect(() => resolveUrl('https://h.example/api', 'https://evil.example/x?token=1')).toThrow(
      'The request URL "https://evil.example/x" is outside the connection\'s host "https://h.example".',
    );
  });
});
