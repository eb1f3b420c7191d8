import { decodeJwtPayload, describeTokenFacts } from '../../cli/doctor/token-facts';

function unsignedJwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

describe('decodeJwtPayload()', () => {
  it('decodes the payload of a JWT', () => {
    expect(decodeJwtPayload(unsignedJwt({ sub: 'ISU_Connector_US', exp: 1 }))).toEqual({
      sub: 'ISU_Connector_US',
      exp: 1,
    });
  });

  it.each([
    ['an opaque token', 'b2f6c1d0a9e8'],
    ['two segments', 'abc.def'],
    ['a payload that is not JSON', 'abc.bm90IGpzb24.sig'],
    ['a payload that is an array', `x.${Buffer.from('[1]').toString('base64url')}.y`],
    ['a payload that is null', `x.${Buffer.from('null').toString('base64url')}.y`],
  ])('returns undefined for %s', (_what, token) => {
    expect(decodeJwtPayload(token)).toBeUndefined();
  });
});

describe('describeTokenFacts()', () => {
  it('reports the lifetime, an opaque token and the save, never the token', () => {
    const token = 'opaque-access-token-value';
    const result = describeTokenFacts(
      { access_token: token, token_type: 'Bearer', expires_in: 3600 },
      { saved: true },
    );
    expect(result).toMatchObject({ check: 'token facts', status: 'pass' });
    expect(result.detail).toBe(
      'access token lifetime 3600 s (60 min) (expires_in); opaque token (not a JWT); tokens saved to the settings file.',
    );
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('says the lifetime is unknown without expires_in', () => {
    const result = describeTokenFacts(
      { access_token: 'x'.repeat(20), token_type: 'Bearer' },
      { saved: true },
    );
    expect(result.detail).toContain(
      'no expires_in: token lifetime unknown, the connector refreshes on 401',
    );
  });

  it('shows the granted scope, a rotated refresh token and JWT claims', () => {
    const token = unsignedJwt({
      sub: 'lmcneil',
      iss: 'workday',
      exp: 1767225600,
      email: 'x@example.com',
    });
    const result = describeTokenFacts(
      {
        access_token: token,
        token_type: 'Bearer',
        expires_in: 90,
        scope: 'Staffing',
        refresh_token: 'r'.repeat(16),
      },
      { saved: false, error: 'disk full' },
    );
    expect(result.detail).toBe(
      'access token lifetime 90 s (expires_in); granted scope "Staffing"; the server returned a new ' +
        'refresh token; JWT claims iss=workday, sub=lmcneil, exp=2026-01-01T00:00:00.000Z; other claims: ' +
        'email; the tokens could not be saved to the settings file (disk full); they are used for this run only.',
    );
    expect(result.facts).toMatchObject({
      scope: 'Staffing',
      claims: { sub: 'lmcneil' },
      saved: false,
    });
    expect(JSON.stringify(result)).not.toContain(token);
    expect(JSON.stringify(result)).not.toContain('x@example.com');
  });
});
