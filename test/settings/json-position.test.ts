import { locateJsonError } from '../../sdk/settings';

describe('locateJsonError()', () => {
  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"s"', '0'])(
    'finds no error in valid JSON %j',
    (text) => {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(locateJsonError(text)).toBeUndefined();
    },
  );

  it.each([
    ['', 0],
    ['{', 1],
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ['[1 2]', 3],
    ['{"a": tru}', 6],
    ['01', 1],
    ['"\\x"', 2],
    ['{} x', 3],
    ["{'a': 1}", 1],
  ])('locates the error in %j at position %i, as JSON.parse refuses it', (text, position) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(locateJsonError(text)?.position).toBe(position);
  });

  it('counts lines and columns from one', () => {
    expect(locateJsonError('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      position: 13,
      line: 3,
      column: 3,
    });
  });
});
