import { checkEndpoints } from '../../cli/doctor/check-endpoints';
import { findWorkdayEndpointProblems, parseWorkdayEndpoints } from '../../workday/endpoints';

const GOOD = {
  auth_type: 'refresh_token',
  rest_api_endpoint: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme',
  token_endpoint: 'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token',
};

describe('the doctor reports every endpoint problem at once (issue 11)', () => {
  it('names each broken field, each with its fix', () => {
    const { result } = checkEndpoints({
      ...GOOD,
      rest_api_endpoint: 'https://wd2-impl-services1.workday.com/ccx/api/acme',
      token_endpoint: 'http://example.com/ccx/oauth2/acme/token',
      soap_version: '45',
    });
    expect(result.status).toBe('fail');
    expect(result.detail).toContain(
      'The Workday REST API Endpoint ("rest_api_endpoint") has the path',
    );
    expect(result.detail).toContain('The Token Endpoint ("token_endpoint") uses plain http');
    expect(result.detail).toContain('The SOAP version ("soap_version") must look like v45.0.');
    expect(result.facts).toMatchObject({
      problems: 3,
      fields: ['rest_api_endpoint', 'token_endpoint', 'soap_version'],
    });
  });

  it('lists a tenant mismatch, a host mismatch and a missing authorization endpoint together', () => {
    const connection = {
      auth_type: 'authorization_code',
      rest_api_endpoint: GOOD.rest_api_endpoint,
      token_endpoint: 'https://wd3-services1.myworkday.com/ccx/oauth2/acme_emea/token',
    };
    const problems = findWorkdayEndpointProblems(connection);
    expect(problems.map((p) => [p.code, p.details.field])).toEqual([
      ['tenant_mismatch', 'token_endpoint'],
      ['tenant_mismatch', 'token_endpoint'],
      ['invalid_settings', 'authorization_endpoint'],
    ]);
    const { result } = checkEndpoints(connection);
    expect(result.detail).toContain('is for tenant "acme_emea"');
    expect(result.detail).toContain('is on "wd3-services1.myworkday.com"');
    expect(result.detail).toContain('("authorization_endpoint") is missing');
    // The first problem is the one a connection refuses with, as before.
    expect(() => parseWorkdayEndpoints(connection)).toThrow(problems[0]?.message);
  });

  it('finds nothing wrong with endpoints that work together', () => {
    expect(findWorkdayEndpointProblems(GOOD)).toEqual([]);
    expect(checkEndpoints(GOOD).result.status).toBe('pass');
  });
});
