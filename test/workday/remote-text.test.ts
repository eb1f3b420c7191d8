import { clipRemoteText, MAX_REMOTE_TEXT_CHARS } from '../../workday/remote-text';

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
