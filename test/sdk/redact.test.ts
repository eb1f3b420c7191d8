import { ConnectorError, isConnectorError } from '../../sdk/errors';
import { createRedactor, REDACTED } from '../../sdk/redact';
import { randomSecret } from './support/http-server';

describe('createRedactor()', () => {
  it('replaces a registered secret and its URL- and form-encoded forms', () => {
    const redactor = createRedactor();
    const secret = `${randomSecret('s')} &/+`;
    redactor.add(secret);
    const text = `a=${secret} b=${encodeURIComponent(secret)} c=${new URLSearchParams({ c: secret }).toString().slice(2)}`;
    const out = redactor.redact(text);
    expect(out).toBe(`a=${REDACTED} b=${REDACTED} c=${REDACTED}`);
  });

  it('replaces Basic credentials whose base64 holds a registered secret', () => {
    const redactor = createRedactor();
    const secret = randomSecret('client-secret');
    redactor.add(secret);
    const basic = Buffer.from(`some-client:${secret}`).toString('base64');
    expect(redactor.redact(`Authorization: Basic ${basic}`)).toBe(
      `Authorization: Basic ${REDACTED}`,
    );
    const unrelated = Buffer.from('some-client:not-registered').toString('base64');
    expect(redactor.redact(`Basic ${unrelated}`)).toBe(`Basic ${unrelated}`);
  });

  it('ignores secrets shorter than 4 characters', () => {
    const redactor = createRedactor();
    redactor.add('abc');
    expect(redactor.redact('abc abcdef')).toBe('abc abcdef');
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    const redactor = createRedactor();
    redactor.add('token');
    redactor.add('token-extended');
    expect(redactor.redact('x token-extended y')).toBe(`x ${REDACTED} y`);
  });

  it('deep-copies values, scrubbing strings and sensitive keys', () => {
    const redactor = createRedactor();
    const secret = randomSecret('tok');
    redactor.add(secret);
    const input = {
      headers: { Authorization: 'Bearer unregistered-value', 'x-trace': `id ${secret}` },
      list: [secret, 3, null],
      refresh_token: 'plain',
    };
    const out = redactor.redactValue(input);
    expect(out).toEqual({
      headers: { Authorization: REDACTED, 'x-trace': `id ${REDACTED}` },
      list: [REDACTED, 3, null],
      refresh_token: REDACTED,
    });
    expect(input.list[0]).toBe(secret);
  });

  it('copies errors with their class, scrubbing message, details and the cause chain', () => {
    const redactor = createRedactor();
    const secret = randomSecret('sec');
    redactor.add(secret);
    const root = new Error(`socket said ${secret}`);
    const error = new ConnectorError('transport', `failed with ${secret}`, {
      details: { url: `https://h/x?token=${secret}` },
      cause: new Error('middle', { cause: root }),
    });
    const out = redactor.redactValue(error);
    expect(out).toBeInstanceOf(ConnectorError);
    expect(isConnectorError(out)).toBe(true);
    expect(out.code).toBe('transport');
    expect(out.message).toBe(`failed with ${REDACTED}`);
    expect(out.details.url).toBe(`https://h/x?token=${REDACTED}`);
    const deepest = ((out.cause as Error).cause as Error).message;
    expect(deepest).toBe(`socket said ${REDACTED}`);
    expect(JSON.stringify(out.toJSON())).not.toContain(secret);
    expect(out.stack).not.toContain(secret);
  });

  it('copies cyclic structures without looping', () => {
    const redactor = createRedactor();
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    const out = redactor.redactValue(a);
    expect(out.self).toBe(out);
  });
});
