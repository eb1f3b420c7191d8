import type { ServerResponse } from 'node:http';
import { startRecordingServer } from '../../helpers/recording-server';
import type { RecordedRequest, RecordingHandler } from '../../helpers/recording-server';

/** One request as the server saw it. */
export type SeenRequest = RecordedRequest;

export type Handler = RecordingHandler;

/** A real HTTP server on 127.0.0.1:0 that records every request. */
export interface TestServer {
  url: string;
  requests: SeenRequest[];
  /** Replaces the handler for the next test and forgets the requests seen so far. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a loopback server (a recording server on 127.0.0.1); close it in `afterAll`. */
export async function startServer(initial?: Handler): Promise<TestServer> {
  const server = await startRecordingServer(
    initial ??
      ((_req, res) => {
        res.end();
      }),
  );
  return {
    url: server.origin,
    requests: server.requests,
    handle(next) {
      server.handle(next);
      server.requests.length = 0;
    },
    close: () => server.close(),
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
