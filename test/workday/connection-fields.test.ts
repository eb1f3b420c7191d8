import { connectionFields } from '../../workday/connection-fields';
import {
  explainFunctionalArea,
  FUNCTIONAL_AREA_EXPLANATIONS,
  RESOURCE_FUNCTIONAL_AREAS,
} from '../../workday/functional-areas';

const isu = {
  auth_type: 'refresh_token',
  rest_api_endpoint: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme',
  token_endpoint: 'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token',
  client_id: 'client-id',
  client_secret: 'generated-at-runtime-' + Math.random().toString(36).slice(2),
  refresh_token: 'rt-' + Math.random().toString(36).slice(2),
};

describe('connectionFields', () => {
  it('applies the documented defaults', () => {
    expect(connectionFields.parse(isu)).toMatchObject({
      soap_version: 'v45.0',
      client_authentication: 'basic',
      redirect_uri: 'http://127.0.0.1:45555/oauth/callback',
      max_concurrency: 4,
    });
  });

  it('requires the refresh token for an integration client and the authorization endpoint for a user account', () => {
    const { refresh_token: _rt, ...noToken } = isu;
    const missingToken = connectionFields.safeParse(noToken);
    expect(missingToken.error?.issues.map((i) => i.path.join('.'))).toEqual(['refresh_token']);
    const user = connectionFields.safeParse({ ...noToken, auth_type: 'authorization_code' });
    expect(user.error?.issues.map((i) => i.path.join('.'))).toEqual(['authorization_endpoint']);
  });

  it('refuses a malformed SOAP version and an out-of-range concurrency, and reads "8" as 8', () => {
    expect(connectionFields.safeParse({ ...isu, soap_version: '45.0' }).success).toBe(false);
    expect(connectionFields.safeParse({ ...isu, max_concurrency: 17 }).success).toBe(false);
    expect(connectionFields.safeParse({ ...isu, max_concurrency: 0 }).success).toBe(false);
    expect(connectionFields.parse({ ...isu, max_concurrency: '8' }).max_concurrency).toBe(8);
  });

  it('marks the client secret and refresh token as secret fields', () => {
    expect(connectionFields.shape.client_secret.meta()).toMatchObject({
      secret: true,
      control_type: 'password',
    });
    expect(connectionFields.shape.refresh_token.meta()).toMatchObject({ secret: true });
    expect(connectionFields.shape.rest_api_endpoint.meta()?.hint).toContain(
      'Workday REST API Endpoint',
    );
  });
});

describe('functional areas', () => {
  it('explains where to add each area', () => {
    expect(explainFunctionalArea(RESOURCE_FUNCTIONAL_AREAS.workers)).toBe(
      'Add the functional area "Staffing" (needed for reading workers) to the API client (task View API Clients → Edit API Client → Scope (Functional Areas)), then reconnect so the next access token carries it.',
    );
    expect(Object.keys(FUNCTIONAL_AREA_EXPLANATIONS)).toEqual([
      'Staffing',
      'Tenant Non-Configurable',
      'Common Financial Management',
    ]);
  });
});
