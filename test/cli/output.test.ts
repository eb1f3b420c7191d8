import { formatError, formatExchange, truncate } from '../../cli/output';
import { ConnectorError } from '../../sdk/errors';
import { createRedactor } from '../../sdk/redact';
import type { Exchange } from '../../sdk/http/types';

const exchange: Exchange = {
  attempt: 1,
  method: 'PUT',
  url: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme_us/inboxTasks/abc?type=approval',
  status: 200,
  durationMs: 12.4,
  requestHeaders: { authorization: '[REDACTED]' },
  requestBody: '{"comment":"ok"}',
  responseHeaders: {},
  responseBody: '{"id":"abc"}',
};

describe('formatExchange()', () => {
  it('renders request and response lines with indented bodies', () => {
    expect(formatExchange(exchange)).toEqual([
      '→ PUT https://wd2-impl-services1.workday.com/ccx/api/v1/acme_us/inboxTasks/abc?type=approval',
      '  {"comment":"ok"}',
      '← 200 (12 ms)',
      '  {"id":"abc"}',
    ]);
  });

  it('marks retries and transport failures', () => {
    const { status: _status, responseBody: _body, ...rest } = exchange;
    expect(
      formatExchange({ ...rest, method: 'GET', attempt: 3, requestBody: '', error: 'ECONNRESET' }),
    ).toEqual([
      '→ GET https://wd2-impl-services1.workday.com/ccx/api/v1/acme_us/inboxTasks/abc?type=approval (attempt 3)',
      '← no response (12 ms): ECONNRESET',
    ]);
  });

  it('cuts long bodies and indents every line of multi-line ones', () => {
    const lines = formatExchange(
      { ...exchange, responseBody: `<a>\n${'x'.repeat(40)}\n</a>` },
      { maxBodyChars: 10 },
    );
    expect(lines.slice(3)).toEqual(['  <a>', `  ${'x'.repeat(6)}… (39 more characters)`]);
  });

  it('never prints headers (they are redacted anyway, and noisy)', () => {
    expect(formatExchange(exchange).join('\n')).not.toContain('authorization');
  });
});

describe('truncate()', () => {
  it('keeps short text and says how much was cut from long text', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 2)).toBe('ab… (4 more characters)');
  });
});

describe('formatError()', () => {
  it('prints a line without a hint when there is none', () => {
    const error = new ConnectorError('not_found', 'Worker "42" does not exist.');
    expect(formatError(error, createRedactor())).toBe(
      'error [not_found]: Worker "42" does not exist.\n',
    );
  });

  it('wraps a non-ConnectorError as internal with the bug hint', () => {
    expect(formatError('boom', createRedactor())).toMatch(
      /^error \[internal\]: Unexpected failure: boom\nhint: This is a bug/,
    );
  });
});
