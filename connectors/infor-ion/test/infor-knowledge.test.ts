import { ionConnectionFields } from '../infor/connection-fields';
import { parseIonEndpoints } from '../infor/endpoints';
import { parseIonApiFile } from '../infor/ionapi-file';
import { isAuthorityNok, m3Error, parseV2 } from '../infor/m3';

const file = {
  ti: 'ACME_TST',
  cn: 'acme_connector',
  dt: '12',
  ci: 'ACME_TST~k3yClientIdFAKE0001',
  cs: 'fakeSecret-0123456789',
  iu: 'https://mingle-ionapi.inforcloudsuite.com',
  pu: 'https://mingle-sso.inforcloudsuite.com:443/ACME_TST/as/',
  oa: 'authorization.oauth2',
  ot: 'token.oauth2',
  or: 'revoke_token.oauth2',
  ev: 'U000000001',
  v: '1.0',
  saak: 'ACME_TST#fakeServiceAccountAccessKey',
  sask: 'fakeServiceAccountSecretKey',
};

describe('parseIonApiFile()', () => {
  it("reads the reference's example file as a service-account connection", () => {
    const { values, ignored } = parseIonApiFile(JSON.stringify(file), 'x.ionapi');
    expect(values).toMatchObject({ ti: 'ACME_TST', app_type: 'service_account', saak: file.saak });
    expect(ignored).toEqual(['dt']);
  });

  it('without saak/sask the app is a client-credentials app', () => {
    const { saak: _a, sask: _b, ...cc } = file;
    expect(parseIonApiFile(JSON.stringify(cc), 'x').values.app_type).toBe('client_credentials');
  });

  it.each([
    ['not JSON', '{', /is not JSON/],
    ['an array', '[]', /not a JSON object/],
    ['saak without sask', JSON.stringify({ ...file, sask: undefined }), /"sask" is missing/],
    ['an empty ci', JSON.stringify({ ...file, ci: ' ' }), /"ci" expected a non-empty string/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => parseIonApiFile(text, 'x')).toThrow(message);
  });
});

describe('parseIonEndpoints()', () => {
  const connection = (overrides: Record<string, string> = {}) =>
    ionConnectionFields.parse({ ...file, ...overrides });

  it('token = pu + ot, revocation = pu + or, gateway = iu/ti/', () => {
    expect(parseIonEndpoints(connection())).toEqual({
      tenant: 'ACME_TST',
      tokenUrl: 'https://mingle-sso.inforcloudsuite.com/ACME_TST/as/token.oauth2',
      revokeUrl: 'https://mingle-sso.inforcloudsuite.com/ACME_TST/as/revoke_token.oauth2',
      gatewayBase: 'https://mingle-ionapi.inforcloudsuite.com/ACME_TST/',
    });
  });

  it.each([
    ['pu', { pu: 'https://mingle-sso.inforcloudsuite.com:443/ACME_PRD/as/' }, 'ACME_PRD'],
    ['ci', { ci: 'ACME_PRD~abc' }, 'ACME_PRD'],
    ['saak', { saak: 'ACME_PRD#abc' }, 'ACME_PRD'],
  ])('a %s of another tenant is tenant_mismatch naming it', (field, overrides, other) => {
    expect(() => parseIonEndpoints(connection(overrides))).toThrow(
      expect.objectContaining({
        code: 'tenant_mismatch',
        details: { field, tenants: ['ACME_TST', other] },
      }),
    );
  });

  it('refuses http outside loopback', () => {
    expect(() =>
      parseIonEndpoints(connection({ iu: 'http://mingle-ionapi.inforcloudsuite.com' })),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_settings',
        details: expect.objectContaining({ field: 'iu' }),
      }),
    );
  });
});

describe('M3 answers', () => {
  it('reads a v2 NOK and classifies XAU as the ERP layer', () => {
    const [outcome] = parseV2({
      results: [
        {
          transaction: 'AddBatchHead',
          records: [],
          errorMessage: 'Not authorized for company 100',
          errorCode: 'XAU0008',
          errorField: 'CONO',
        },
      ],
    });
    expect(outcome?.nok).toEqual({
      message: 'Not authorized for company 100',
      code: 'XAU0008',
      field: 'CONO',
    });
    expect(isAuthorityNok(outcome!.nok!)).toBe(true);
    expect(m3Error('GLS840MI', 'AddBatchHead', outcome!.nok!)).toMatchObject({
      code: 'insufficient_scope',
      details: { layer: 'erp', status: 200 },
    });
  });

  it('a field NOK is remote_validation naming the field', () => {
    expect(
      m3Error('GLS840MI', 'AddBatchLine', { message: 'Field PARM is mandatory', field: 'PARM' }),
    ).toMatchObject({
      code: 'remote_validation',
      hint: 'Correct PARM.',
    });
  });

  it('a body without results is unexpected_response', () => {
    expect(() => parseV2({ Program: 'GLS840MI' })).toThrow(
      expect.objectContaining({ code: 'unexpected_response' }),
    );
  });
});
