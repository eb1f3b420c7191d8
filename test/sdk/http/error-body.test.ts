import {
  clipRemoteText,
  errorBodyObject,
  MAX_REMOTE_TEXT_CHARS,
  remoteText,
} from '../../../sdk/http/error-body';

describe('clipRemoteText()', () => {
  it('folds runs of white space (newlines of a pretty-printed fault) into single spaces', () => {
    expect(clipRemoteText('  Accounting Date\n\t must be   open \r\n')).toBe(
      'Accounting Date must be open',
    );
  });

  it('keeps a text of exactly the limit whole', () => {
    const text = 'a'.repeat(MAX_REMOTE_TEXT_CHARS);
    expect(clipRemoteText(text)).toBe(text);
  });

  it('clips a longer text to the limit, ending in an ellipsis', () => {
    const clipped = clipRemoteText(`${'a'.repeat(MAX_REMOTE_TEXT_CHARS)}TAIL`);
    expect(clipped).toHaveLength(300);
    expect(clipped.endsWith('a…')).toBe(true);
    expect(clipped).not.toContain('TAIL');
  });
});

describe('remoteText()', () => {
  it.each([undefined, null, 42, {}, [], '', '   \n'])('is undefined for %p', (value) => {
    expect(remoteText(value)).toBeUndefined();
  });

  it('clips a string field like clipRemoteText', () => {
    expect(remoteText(' No\naccess ')).toBe('No access');
    expect(remoteText('x'.repeat(1000))).toHaveLength(MAX_REMOTE_TEXT_CHARS);
  });
});

describe('errorBodyObject()', () => {
  it('takes a parsed object as it is', () => {
    const body = { error: 'denied' };
    expect(errorBodyObject(body)).toBe(body);
  });

  it('parses a JSON text that holds an object, after leading white space', () => {
    expect(errorBodyObject('  {"title":"Forbidden"}')).toEqual({ title: 'Forbidden' });
  });

  it.each([
    ['an array', [{ error: 'x' }]],
    ['null', null],
    ['HTML', '<html><body>502</body></html>'],
    ['broken JSON', '{"error": '],
    ['a JSON array text', '[{"error":"x"}]'],
    ['a number', 500],
  ])('is undefined for %s', (_label, body) => {
    expect(errorBodyObject(body)).toBeUndefined();
  });
});
