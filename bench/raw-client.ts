import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import type { AxiosInstance } from 'axios';

/** The connection values the raw baseline needs (a subset of a sandbox settings connection). */
export interface RawConnection {
  rest_api_endpoint: string;
  token_endpoint: string;
  client_id: string;
  client_secret: string;
  refresh_token?: string;
}

/** Plain axios with keep-alive agents: the "raw HTTP" every figure is compared against. */
export interface RawClient {
  axios: AxiosInstance;
  /** `http://host:port/ccx/api/` — the REST services base. */
  restBase: string;
  /** `/ccx/service/{tenant}/Financial_Management/{version}` on the same origin. */
  soapUrl(version: string): string;
  tenant: string;
  /** Fetches an access token with the refresh-token grant (Basic client authentication). */
  fetchAccessToken(): Promise<string>;
  close(): void;
}

function str(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '')
    throw new Error(`The raw baseline got no "${what}".`);
  return value;
}

/**
 * Creates the raw baseline client for one connection: the same requests the connector makes,
 * with none of its checks, retries or redaction.
 */
export function createRawClient(connection: RawConnection, maxSockets: number): RawClient {
  const rest = new URL(connection.rest_api_endpoint);
  const tenant = str(rest.pathname.split('/').filter(Boolean).pop(), 'tenant');
  const agentOptions = { keepAlive: true, maxSockets };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const instance = axios.create({ httpAgent, httpsAgent, maxRedirects: 0, proxy: false });
  return {
    axios: instance,
    restBase: `${rest.origin}/ccx/api/`,
    soapUrl: (version) => `${rest.origin}/ccx/service/${tenant}/Financial_Management/${version}`,
    tenant,
    async fetchAccessToken() {
      const basic = Buffer.from(
        `${encodeURIComponent(connection.client_id)}:${encodeURIComponent(connection.client_secret)}`,
      ).toString('base64');
      const body = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: str(connection.refresh_token, 'refresh_token'),
      }).toString();
      const response = await instance.post<unknown>(connection.token_endpoint, body, {
        headers: {
          Authorization: `Basic ${basic}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      });
      const data = response.data as { access_token?: unknown };
      return str(data.access_token, 'access_token');
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
