import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** `Date.now()` when the request arrived. */
  at: number;
}

export type Handler = (
  request: SeenRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1:0 that records every request. */
export interface TestServer {
  url: string;
  requests: SeenRequest[];
  /** Replaces the handler for the next test. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a loopback server; close it in `afterAll`. */
export async function startServer(initial?: Handler): Promise<TestServer> {
  let handler: Handler =
    initial ??
    ((_req, res) => {
      res.end();
    });
  const requests: SeenRequest[] = [];
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const seen: SeenRequest = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(seen);
      Promise.resolve(handler(seen, response, raw)).catch((error: unknown) => {
        response.statusCode = 599;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body with a status. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A random secret-looking value, made at run time so no fixture holds one. */
export function randomSecret(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}
