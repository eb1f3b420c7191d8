import { bodyWords, clipWords, MAX_BODY_WORDS_CHARS } from '../../../sdk/http/body-words';

describe('bodyWords()', () => {
  it.each([
    [
      'Workday REST',
      '{"error":"invalid request: WQL error.","errors":[{"error":"DataSource: X is invalid"}]}',
      'invalid request: WQL error.: DataSource: X is invalid',
    ],
    ['a gateway message key', '{"message":"Forbidden by policy","code":42}', 'Forbidden by policy'],
    ['an OAuth-like body', '{"error":"Invalid request"}', 'Invalid request'],
    [
      'a nested fault',
      '{"fault":{"faultstring":"Rate limit quota violation"}}',
      'Rate limit quota violation',
    ],
    [
      'an HTML error page',
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
      '502 Bad Gateway',
    ],
    [
      'HTML without a title',
      '<html><body><p>Service &amp; API down</p><script>var x = 1;</script></body></html>',
      'Service & API down',
    ],
    [
      'plain text',
      '400 : Validation error occurred.\n  Report not found=urn:com.workday.report/x',
      '400 : Validation error occurred. Report not found=urn:com.workday.report/x',
    ],
    ['truncated JSON (read as text)', '{"error":"cut', '{"error":"cut'],
  ])('reads %s', (_name, body, words) => {
    expect(bodyWords(body)).toBe(words);
  });

  it.each(['', '   ', '{}', '[]', '[1,2]', 'null', '{"code":500}', '<html><body></body></html>'])(
    'finds no words in %j',
    (body) => {
      expect(bodyWords(body)).toBeUndefined();
    },
  );
});

describe('clipWords()', () => {
  it('keeps short text and clips long text with an ellipsis', () => {
    expect(clipWords('short')).toBe('short');
    const clipped = clipWords('x'.repeat(1000));
    expect(clipped).toHaveLength(MAX_BODY_WORDS_CHARS);
    expect(clipped.endsWith('…')).toBe(true);
  });
});
