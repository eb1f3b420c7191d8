/**
 * A hostile or broken HTTP server on loopback for the tests of issue 15: it plays a Workday
 * tenant (token endpoint and API on one origin) that trickles, stalls, answers huge or
 * compressed-bomb bodies, or echoes values in odd encodings. Start one per test on port 0 and
 * close it in `afterEach`; `close()` also cuts connections the server is still trickling into.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** How the server answers a request. */
export type HostileMode =
  /** A complete answer. */
  | {
      kind: 'answer';
      status?: number;
      contentType?: string;
      body: string;
      headers?: Record<string, string>;
    }
  /** Headers at once, then `chunk` every `intervalMs`, `count` times (forever when absent). */
  | {
      kind: 'trickle';
      status?: number;
      contentType?: string;
      chunk: string;
      intervalMs: number;
      count?: number;
      end?: string;
    }
  /** Reads the request and never answers. */
  | { kind: 'stall' }
  /** `bytes` bytes of `fill`, streamed; `declareLength` sends a Content-Length first. */
  | { kind: 'huge'; bytes: number; declareLength: boolean; fill?: string; contentType?: string }
  /** A body gzip-compressed as sent (`Content-Encoding: gzip`). */
  | { kind: 'gzip'; status?: number; contentType?: string; body: string }
  /** Concatenated gzip members of zeros decoding to `decodedBytes` (a compression bomb). */
  | { kind: 'gzip-bomb'; decodedBytes: number; contentType?: string };

/** The server, its origin and what it saw. */
export interface HostileServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Connection settings of a refresh-token connection to tenant `acme_us` on this server. */
  settings: Record<string, string>;
  /** The access token the default token answer issues. */
  accessToken: string;
  /** How API requests (anything but the token endpoint) are answered from now on. */
  api(mode: HostileMode): void;
  /** How token requests are answered from now on. */
  token(mode: HostileMode): void;
  /** Method and path of every request, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

const MEMBER_BYTES = 8 * 1024 * 1024;
let bombMember: Buffer | undefined;

function send(response: ServerResponse, mode: HostileMode, timers: Set<NodeJS.Timeout>): void {
  switch (mode.kind) {
    case 'answer':
      response.writeHead(mode.status ?? 200, {
        'content-type': mode.contentType ?? 'application/json',
        ...mode.headers,
      });
      response.end(mode.body);
      return;
    case 'trickle': {
      response.writeHead(mode.status ?? 200, {
        'content-type': mode.contentType ?? 'application/json',
      });
      let sent = 0;
      const timer = setInterval(() => {
        if (mode.count !== undefined && sent >= mode.count) {
          clearInterval(timer);
          timers.delete(timer);
          response.end(mode.end ?? '');
          return;
        }
        sent += 1;
        response.write(mode.chunk);
      }, mode.intervalMs);
      timers.add(timer);
      return;
    }
    case 'stall':
      return;
    case 'huge': {
      response.writeHead(200, {
        'content-type': mode.contentType ?? 'application/json',
        ...(mode.declareLength ? { 'content-length': String(mode.bytes) } : {}),
      });
      const block = Buffer.alloc(64 * 1024, mode.fill ?? 'a');
      let left = mode.bytes;
      const pump = (): void => {
        while (left > 0) {
          const part = left >= block.length ? block : block.subarray(0, left);
          left -= part.length;
          if (!response.write(part)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('error', () => undefined);
      pump();
      return;
    }
    case 'gzip':
      response.writeHead(mode.status ?? 200, {
        'content-type': mode.contentType ?? 'application/json',
        'content-encoding': 'gzip',
      });
      response.end(gzipSync(mode.body));
      return;
    case 'gzip-bomb': {
      bombMember ??= gzipSync(Buffer.alloc(MEMBER_BYTES), { level: 9 });
      const member = bombMember;
      response.writeHead(200, {
        'content-type': mode.contentType ?? 'application/json',
        'content-encoding': 'gzip',
      });
      let members = Math.ceil(mode.decodedBytes / MEMBER_BYTES);
      const pump = (): void => {
        while (members > 0) {
          members -= 1;
          if (!response.write(member)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('error', () => undefined);
      pump();
      return;
    }
  }
}

/** Starts a hostile server on 127.0.0.1, port 0. */
export async function startHostileServer(): Promise<HostileServer> {
  const accessToken = `hostile-access-${randomBytes(18).toString('base64url')}`;
  let apiMode: HostileMode = { kind: 'answer', body: '{}' };
  let tokenMode: HostileMode = {
    kind: 'answer',
    body: JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600 }),
  };
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0] ?? '';
      seen.push(`${request.method ?? ''} ${path}`);
      send(response, path.endsWith('/token') ? tokenMode : apiMode, timers);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    accessToken,
    settings: {
      auth_type: 'refresh_token',
      rest_api_endpoint: `${origin}/ccx/api/v1/acme_us`,
      token_endpoint: `${origin}/ccx/oauth2/acme_us/token`,
      client_id: 'hostile-client',
      client_secret: `hostile-secret-${randomBytes(18).toString('base64url')}`,
      refresh_token: `hostile-refresh-${randomBytes(18).toString('base64url')}`,
    },
    api(mode) {
      apiMode = mode;
    },
    token(mode) {
      tokenMode = mode;
    },
    seen,
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
