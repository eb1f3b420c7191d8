import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** Answers one recorded request; a throw or rejection answers 599 with the error. */
export type RecordingHandler = (
  request: RecordedRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

/** A real HTTP server on a loopback address that records every request. */
export interface RecordingServer {
  /** `http://HOST:PORT` */
  origin: string;
  host: string;
  port: number;
  requests: RecordedRequest[];
  /** Replaces the handler (the record is kept). */
  handle(handler: RecordingHandler): void;
  close(): Promise<void>;
}

/**
 * Starts a recording server on `host` (any 127.0.0.0/8 address is loopback; a second address
 * stands for "another host") and port 0. Close it in `afterAll`.
 */
export async function startRecordingServer(
  handler: RecordingHandler,
  host = '127.0.0.1',
): Promise<RecordingServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const request: RecordedRequest = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(request);
      const fail = (error: unknown): void => {
        response.statusCode = 599;
        response.end(String(error));
      };
      try {
        Promise.resolve(current(request, response, raw)).catch(fail);
      } catch (error: unknown) {
        fail(error);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    host,
    port,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` with a status and content type. */
export function send(
  response: ServerResponse,
  status: number,
  body: string,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': contentType, ...headers });
  response.end(body);
}

/** Settings of a Workday connection whose every endpoint is on `origin`, tenant `acme_us`. */
export function workdayConnectionAt(
  origin: string,
  secrets: { clientSecret: string; refreshToken: string },
): Record<string, unknown> {
  return {
    auth_type: 'refresh_token',
    rest_api_endpoint: `${origin}/ccx/api/v1/acme_us`,
    authorization_endpoint: `${origin}/acme_us/authorize`,
    token_endpoint: `${origin}/ccx/oauth2/acme_us/token`,
    client_id: 'ZmFrZS1jbGllbnQtaWQ',
    client_secret: secrets.clientSecret,
    refresh_token: secrets.refreshToken,
    soap_version: 'v45.0',
  };
}
