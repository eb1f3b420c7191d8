import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { registerConnectionSecrets } from '../../cli/connection-secrets';
import { REDACTED, createRedactor } from '../../sdk/redact';

const fresh = () => randomBytes(12).toString('hex');

describe('registerConnectionSecrets()', () => {
  it('scrubs schema-marked, always-sensitive and secret-named values, not endpoints or ids', () => {
    const values = {
      client_id: `id-${fresh()}`,
      token_endpoint: `https://wd2.example.com/ccx/oauth2/acme/${fresh()}/token`,
      client_secret: fresh(),
      refresh_token: fresh(),
      access_token: fresh(),
      signing_passphrase: fresh(),
      partner_api_key: fresh(),
      // Marked secret by the schema only: its name says nothing.
      pin: fresh(),
      max_concurrency: 4,
    };
    const fields = z.object({ pin: z.string().meta({ secret: true }) });
    const redactor = createRedactor();
    registerConnectionSecrets(redactor, values, fields);

    const text = Object.values(values).map(String).join(' ');
    const out = redactor.redact(text);
    for (const key of [
      'client_secret',
      'refresh_token',
      'access_token',
      'signing_passphrase',
      'partner_api_key',
      'pin',
    ] as const) {
      expect(out).not.toContain(values[key]);
    }
    expect(out).toContain(values.client_id);
    // A token endpoint URL must stay readable in doctor and --verbose output.
    expect(out).toContain(values.token_endpoint);
    expect(out.split(REDACTED)).toHaveLength(7);
  });

  it('uses the name rule alone without a schema, and ignores non-object settings', () => {
    const secret = fresh();
    const redactor = createRedactor();
    registerConnectionSecrets(redactor, null);
    registerConnectionSecrets(redactor, 'not settings');
    registerConnectionSecrets(redactor, { client_secret: secret, pin: 'unmarked-pin-value' });
    expect(redactor.redact(`${secret} unmarked-pin-value`)).toBe(`${REDACTED} unmarked-pin-value`);
  });
});
