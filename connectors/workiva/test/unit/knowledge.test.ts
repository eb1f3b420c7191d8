/** Workiva knowledge without HTTP: A1 ranges, scope comparison, API host, error bodies. */
import { isConnectorError } from '../../../../sdk/errors';
import { parseA1, rangeSize } from '../../workiva/a1';
import { parseWorkivaErrorBody } from '../../workiva/errors';
import { apiOrigin } from '../../workiva/host';
import { grants, missingScopes, parseScope } from '../../workiva/scopes';

describe('A1 ranges', () => {
  test.each([
    ['B2', { startRow: 1, startColumn: 1, endRow: 1, endColumn: 1 }],
    ['A1:C3', { startRow: 0, startColumn: 0, endRow: 2, endColumn: 2 }],
    ['AA10:AB11', { startRow: 9, startColumn: 26, endRow: 10, endColumn: 27 }],
  ])('%s', (range, expected) => {
    expect(parseA1(range)).toEqual(expected);
  });

  test.each(['', 'A0', 'C3:A1', 'A1:B2:C3', 'a1', '1A', 'A1:'])('refuses %p', (range) => {
    expect(parseA1(range)).toBeUndefined();
  });

  test('size', () => {
    expect(rangeSize(parseA1('B2:D3')!)).toEqual({ rows: 2, columns: 3 });
  });
});

describe('scopes', () => {
  test('parse splits, dedups and sorts', () => {
    expect(parseScope(' file:write  file:read file:write ')).toEqual(['file:read', 'file:write']);
    expect(parseScope(undefined)).toEqual([]);
  });

  test('missing lists what was asked and not granted', () => {
    expect(missingScopes('file:read file:write', 'file:read')).toEqual(['file:write']);
    expect(missingScopes('file:read', 'file:read file:write')).toEqual([]);
    expect(missingScopes(undefined, 'file:read')).toEqual([]);
  });

  test('grants', () => {
    expect(grants('file:read file:write', 'file:write')).toBe(true);
    expect(grants('file:read', 'file:write')).toBe(false);
  });
});

describe('API host', () => {
  test('the region picks the host', () => {
    expect(apiOrigin({ region: 'eu', base_url: undefined })).toBe('https://api.eu.wdesk.com');
    expect(apiOrigin({ region: 'us', base_url: 'http://127.0.0.1:4000/' })).toBe(
      'http://127.0.0.1:4000',
    );
  });

  test("another region's host is refused, naming both", () => {
    try {
      apiOrigin({ region: 'us', base_url: 'https://api.eu.wdesk.com' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(isConnectorError(error) && error.code).toBe('invalid_settings');
      expect((error as Error).message).toMatch(/eu host but "region" is us/);
    }
  });

  test('plain http off loopback is refused', () => {
    expect(() => apiOrigin({ region: 'us', base_url: 'http://api.app.wdesk.com' })).toThrow(
      /https/,
    );
  });
});

describe('error bodies', () => {
  test('Platform API body with details', () => {
    expect(
      parseWorkivaErrorBody(
        {
          code: '400BadRequest',
          message: 'Bad values',
          details: [{ code: 'InvalidValues', message: 'rows differ', target: 'values' }],
        },
        400,
      ),
    ).toEqual({
      message: 'Bad values (400BadRequest): rows differ',
      messages: [{ message: 'rows differ', xpath: 'values' }],
    });
  });

  test('token endpoint body', () => {
    expect(
      parseWorkivaErrorBody({ error: 'invalid_scope', error_description: 'None granted' }, 400),
    ).toEqual({
      message: 'None granted',
    });
  });

  test('unknown shapes are not read', () => {
    expect(parseWorkivaErrorBody('<html>', 500)).toBeUndefined();
    expect(parseWorkivaErrorBody({ foo: 1 }, 500)).toBeUndefined();
  });
});
