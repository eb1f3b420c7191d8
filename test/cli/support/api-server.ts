import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback OAuth2 + JSON API server for the CLI tests; secrets are made fresh per start. */
export interface ApiServer {
  origin: string;
  clientId: string;
  clientSecret: string;
  /** The refresh token the server currently accepts (rotated on every refresh). */
  refreshToken: string;
  /** Token requests received. */
  tokenRequests: number;
  /** Paths of API (non-token) requests received. */
  apiRequests: string[];
  /** While true, every refresh token is refused (invalid_grant). */
  setRevoked(revoked: boolean): void;
  close(): Promise<void>;
}

function secret(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Starts the server on 127.0.0.1:0; close it in `afterAll`. */
export async function startApiServer(): Promise<ApiServer> {
  const accessTokens = new Set<string>();
  let revoked = false;
  const state = {
    clientId: secret('client'),
    clientSecret: secret('secret'),
    refreshToken: secret('refresh'),
    tokenRequests: 0,
    apiRequests: [] as string[],
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/token') {
        state.tokenRequests += 1;
        const form = new URLSearchParams(body);
        const basic = Buffer.from(`${state.clientId}:${state.clientSecret}`).toString('base64');
        if (request.headers.authorization !== `Basic ${basic}`) {
          return send(response, 401, { error: 'invalid_client' });
        }
        if (revoked || form.get('refresh_token') !== state.refreshToken) {
          return send(response, 400, { error: 'invalid_grant', error_description: 'revoked' });
        }
        const accessToken = secret('access');
        accessTokens.add(accessToken);
        state.refreshToken = secret('refresh');
        return send(response, 200, {
          access_token: accessToken,
          token_type: 'Bearer',
          expires_in: 3600,
          refresh_token: state.refreshToken,
        });
      }
      state.apiRequests.push(url.pathname);
      const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (!accessTokens.has(bearer)) return send(response, 401, { error: 'Invalid token' });
      switch (url.pathname) {
        case '/api/me':
          return send(response, 200, { id: 'me', name: 'Logan McNeil' });
        case '/api/echo':
          return send(response, 200, { echoed: (JSON.parse(body) as { message: string }).message });
        case '/api/items': {
          const since = Number(url.searchParams.get('since') ?? '0');
          return send(
            response,
            200,
            [1, 2, 3, 3].filter((id) => id > since).map((id) => ({ id })),
          );
        }
        case '/api/colours':
          return send(
            response,
            200,
            url.searchParams.get('warm') === 'yes' ? ['red'] : ['red', 'blue'],
          );
        case '/api/forbidden':
          return send(response, 403, { error: 'User has insufficient permissions.' });
        case '/api/broken':
          return send(response, 500, { error: 'Internal error.' });
        case '/api/invalid':
          return send(response, 400, { error: 'Invalid request.' });
        default:
          return send(response, 404, { error: 'Not found.' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    origin: `http://127.0.0.1:${port}`,
    setRevoked: (value: boolean) => {
      revoked = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
