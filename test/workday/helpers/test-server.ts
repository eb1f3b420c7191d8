import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the test server received. */
export interface ReceivedRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A reply: status, content type and body text. */
export interface Reply {
  status?: number;
  contentType?: string;
  body: string;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

/** A node:http server on 127.0.0.1:0 answering with `handle`; records requests and in-flight peaks. */
export interface TestServer {
  baseUrl: string;
  requests: ReceivedRequest[];
  /** Highest number of requests handled at the same time. */
  maxInFlight: number;
  resetStats(): void;
  close(): Promise<void>;
}

export async function startTestServer(
  handle: (request: ReceivedRequest) => Reply | Promise<Reply>,
): Promise<TestServer> {
  let inFlight = 0;
  const state = { maxInFlight: 0, requests: [] as ReceivedRequest[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      state.requests.push(received);
      void Promise.resolve(handle(received)).then(async (reply) => {
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        inFlight--;
        res.writeHead(reply.status ?? 200, {
          'content-type': reply.contentType ?? 'application/json',
        });
        res.end(reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    resetStats() {
      state.requests = [];
      state.maxInFlight = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
