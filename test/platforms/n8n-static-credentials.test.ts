/**
 * The n8n classes of a connector with a `basic_auth` option (UKG Pro's web service account),
 * against the UKG simulator on loopback: "Test credential" runs the connector's own `test`, and
 * the credential's `authenticate` (what n8n's HTTP Request node uses) sends what the SDK sends.
 */
import ukgConnector from '../../connectors/ukg-pro/connector';
import { startUkgSimulator } from '../../connectors/ukg-pro/simulator';
import type { UkgSimulatorHandle } from '../../connectors/ukg-pro/simulator';
import { createN8nClasses } from '../../platforms/n8n/runtime/classes';
import type { AnyConnector } from '../../platforms/shared';

type CredentialTest = (credential: {
  data?: Record<string, unknown>;
}) => Promise<{ status: string; message: string }>;
type Authenticate = (
  data: Record<string, unknown>,
  request: { headers?: Record<string, string> },
) => Promise<{ headers?: Record<string, string> }>;

let ukg: UkgSimulatorHandle;
const classes = createN8nClasses(ukgConnector as unknown as AnyConnector);

beforeAll(async () => {
  ukg = await startUkgSimulator();
});
afterAll(async () => {
  await ukg?.close();
});
beforeEach(() => ukg.reset());

function credentialData(name: string): Record<string, unknown> {
  const { auth_type: _selector, ...data } = ukg.settings.connections[name] as unknown as Record<
    string,
    unknown
  >;
  return data;
}

function credentialTest(): CredentialTest {
  const node = new (
    classes.UkgPro as new () => {
      methods: { credentialTest: Record<string, CredentialTest> };
    }
  )();
  const test = node.methods.credentialTest.testUkgProWebServiceAccountApi;
  if (test === undefined) throw new Error('no credential test for the web service account');
  return test;
}

describe('UKG Pro web service account credential in n8n', () => {
  it('tests the credential with the connector test: one person-details call, no token', async () => {
    const result = await credentialTest()({ data: credentialData('prod') });
    expect(result.status).toBe('OK');
    expect(result.message).toContain(String(credentialData('prod').username));
    const state = ukg.production.state();
    expect(state.requests['person-details']).toBe(1);
    expect(state.requests.token ?? 0).toBe(0);
  });

  it('reports a wrong customer API key as an error without the key', async () => {
    const data = credentialData('prod_wrong_key');
    const result = await credentialTest()({ data });
    expect(result.status).toBe('Error');
    expect(result.message).not.toContain(String(data.customer_api_key));
    expect(result.message).not.toContain(String(data.password));
    expect(ukg.production.state().statuses['401']).toBe(1);
  });

  it('authenticates an HTTP Request node call with Basic and the customer API key header', async () => {
    const credential = new (
      classes.UkgProWebServiceAccountApi as new () => {
        authenticate: Authenticate;
      }
    )();
    const data = credentialData('prod');
    const request = await credential.authenticate(data, { headers: {} });
    const basic = Buffer.from(`${String(data.username)}:${String(data.password)}`).toString(
      'base64',
    );
    expect(request.headers).toEqual({
      Authorization: `Basic ${basic}`,
      'US-Customer-Api-Key': data.customer_api_key,
    });
    const answer = await fetch(`${String(data.base_url)}/personnel/v1/person-details?per_Page=1`, {
      headers: request.headers,
    });
    expect(answer.status).toBe(200);
  });
});
