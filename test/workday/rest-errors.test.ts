import fc from 'fast-check';
import { parseWorkdayErrorBody } from '../../workday/rest-errors';

describe('parseWorkdayErrorBody()', () => {
  it('reads the validation shape, listing the errors after the top-level message', () => {
    expect(
      parseWorkdayErrorBody(
        {
          error: 'invalid request: WQL error.',
          errors: [{ error: 'DataSource: UnkownfinancialAccounts is invalid' }],
        },
        400,
      ),
    ).toEqual({
      message: 'invalid request: WQL error. (DataSource: UnkownfinancialAccounts is invalid)',
      messages: [{ message: 'DataSource: UnkownfinancialAccounts is invalid' }],
    });
  });

  it('tolerates a missing or empty errors list', () => {
    expect(parseWorkdayErrorBody({ error: 'Resource not found.' }, 404)).toEqual({
      message: 'Resource not found.',
    });
    expect(parseWorkdayErrorBody({ error: 'x', errors: [] }, 400)).toEqual({ message: 'x' });
    expect(parseWorkdayErrorBody({ error: 'x', errors: 'nope' }, 400)).toEqual({ message: 'x' });
  });

  it('skips malformed entries, repeats of the top message, and caps the list', () => {
    expect(
      parseWorkdayErrorBody(
        {
          error: 'Bad',
          errors: [
            { error: 'Bad' },
            { nope: 1 },
            'text',
            { error: 5 },
            { error: 'a' },
            { error: 'b' },
            { error: 'c' },
            { error: 'd' },
          ],
        },
        400,
      ),
    ).toEqual({
      message: 'Bad (a; b; c; and 1 more)',
      messages: [
        { message: 'Bad' },
        { message: 'a' },
        { message: 'b' },
        { message: 'c' },
        { message: 'd' },
      ],
    });
  });

  it('parses a JSON string body', () => {
    expect(parseWorkdayErrorBody('{"error":"User has insufficient permissions."}', 403)).toEqual({
      message: 'User has insufficient permissions.',
    });
  });

  it('clips a very long message so no whole body ends up in an error', () => {
    const parsed = parseWorkdayErrorBody({ error: 'x'.repeat(5000) }, 500);
    expect(parsed?.message).toHaveLength(300);
  });

  it.each([
    ['null', null],
    ['an array', [{ error: 'x' }]],
    ['a number', 42],
    ['an OAuth error without text', { error: '' }],
    ['a non-string error', { error: { code: 1 } }],
    ['another shape', { message: 'x' }],
    ['plain text', '400 : Validation error occurred.'],
    ['broken JSON', '{"error":'],
  ])('returns undefined for %s', (_name, body) => {
    expect(parseWorkdayErrorBody(body, 400)).toBeUndefined();
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.json(), fc.anything()),
        fc.integer(),
        (body, status) => {
          const parsed = parseWorkdayErrorBody(body, status);
          if (parsed !== undefined) expect(typeof parsed.message).toBe('string');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
