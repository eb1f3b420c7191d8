import * as http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { ConnectorError, toConnectorError } from '../../sdk/errors';
import { CLI_COMMAND } from '../cli-name';
import { usageError } from '../usage-error';
import { CONNECTED_PAGE, renderPage } from './pages';
import type { AddressInfo } from 'node:net';

/** The only address the callback server listens on: the browser runs on this machine (RFC 8252 §7.3). */
export const CALLBACK_HOST = '127.0.0.1';

/** The command that starts a sign-in, when the caller did not say how it was run. */
const DEFAULT_RERUN = `${CLI_COMMAND} oauth2`;

/** The path of the redirect URI. */
export const CALLBACK_PATH = '/oauth/callback';

/** What the server does with the code once `state` checked out; its failure is shown to the browser. */
export type CodeHandler = (code: string) => Promise<void>;

/** Options of {@link CallbackServer.awaitCallback}. */
export interface AwaitCallbackOptions {
  /** The `state` sent in the authorization request; the callback must carry exactly this value. */
  state: string;
  /** How long to wait for the browser, in milliseconds. */
  timeoutMs: number;
  /** Exchanges the code and saves the tokens, before the browser gets its answer. */
  onCode: CodeHandler;
  /**
   * The command line that starts the sign-in again, with the user's own `--settings` and
   * `--connection`, for hints. @default `bin/connector oauth2`
   */
  rerun?: string;
  /** Told about a callback refused for its `state`; the wait goes on for the right one. */
  onRefused?: (message: string) => void;
}

/** A one-shot HTTP server on 127.0.0.1 receiving the authorization-code redirect. */
export interface CallbackServer {
  host: typeof CALLBACK_HOST;
  port: number;
  /** `http://127.0.0.1:PORT/oauth/callback`. */
  redirectUri: string;
  /**
   * Waits for one callback: resolves once its code was handled, rejects on a declined consent,
   * an error from the authorization server, or the timeout. A callback with a wrong or missing
   * `state` (an old tab, a forged request) gets an error page and the wait goes on for the
   * right one until the timeout. The server is closed either way.
   */
  awaitCallback(options: AwaitCallbackOptions): Promise<void>;
  /** Closes the server and any open browser connections. Safe to call twice. */
  close(): Promise<void>;
}

interface Pending {
  options: AwaitCallbackOptions;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function send(res: http.ServerResponse, status: number, html: string): Promise<void> {
  return new Promise((resolve) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The callback URL carries the code: keep it out of any Referer.
      'referrer-policy': 'no-referrer',
      connection: 'close',
    });
    res.end(html, () => resolve());
  });
}

// Remote error text is shown in a page and a terminal line: keep it short and printable.
function sanitize(text: string | null): string | undefined {
  if (text === null || text === '') return undefined;
  const clean = text.replace(/[^\x20-\x7E]/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

/** The error for a callback that carries `error=...` (RFC 6749 §4.1.2.1). */
function authorizationError(
  code: string,
  description: string | undefined,
  rerun: string,
): ConnectorError {
  const said = description === undefined ? code : `${code}: ${description.replace(/\.$/, '')}`;
  if (code === 'access_denied') {
    return new ConnectorError(
      'access_denied',
      `The sign-in was declined on the authorization page (${said}).`,
      {
        hint: `Rerun \`${rerun}\` and choose Allow to connect.`,
        details: {
          oauthError: code,
          ...(description === undefined ? {} : { oauthErrorDescription: description }),
        },
      },
    );
  }
  return new ConnectorError(
    code === 'unauthorized_client' || code === 'unsupported_response_type'
      ? 'unsupported_grant'
      : 'remote_validation',
    `The authorization server refused the sign-in (${said}).`,
    {
      hint: 'Check the API client is registered for the authorization code grant with this redirect URI (task View API Clients).',
      details: {
        oauthError: code,
        ...(description === undefined ? {} : { oauthErrorDescription: description }),
      },
    },
  );
}

/**
 * Starts the callback server on 127.0.0.1 (never another interface). Port 0 picks a free port.
 * Only `GET /oauth/callback` is answered beyond 404s, so a browser's favicon request does not
 * use up the one callback.
 *
 * @throws ConnectorError `invalid_input` when the port is taken.
 */
export async function startCallbackServer(port: number): Promise<CallbackServer> {
  let pending: Pending | undefined;
  let done = false;
  let timer: NodeJS.Timeout | undefined;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${CALLBACK_HOST}`);
    if (url.pathname !== CALLBACK_PATH) {
      void send(
        res,
        404,
        renderPage('Not found', 'This server only receives the sign-in callback.'),
      );
      return;
    }
    if (req.method !== 'GET') {
      void send(
        res,
        405,
        renderPage('Method not allowed', 'The sign-in callback is a GET request.'),
      );
      return;
    }
    if (pending !== undefined && !done) {
      const state = url.searchParams.get('state');
      if (state === null || !sameSecret(state, pending.options.state)) {
        // Not this sign-in's callback: refuse it, and keep waiting for the browser that is.
        pending.options.onRefused?.(
          state === null
            ? 'A callback without state was refused; still waiting for the sign-in.'
            : 'A callback with a wrong state (an old tab or a forged request) was refused; still waiting for the sign-in.',
        );
        void send(
          res,
          400,
          renderPage(
            'Sign-in refused',
            'This callback does not belong to the sign-in that is waiting (wrong or missing state). Use the URL the terminal printed; the terminal is still waiting.',
          ),
        );
        return;
      }
    }
    if (pending === undefined || done) {
      void send(
        res,
        410,
        renderPage(
          'Sign-in finished',
          'This sign-in is no longer waiting for a callback; start a new one in the terminal.',
        ),
      );
      return;
    }
    done = true;
    const current = pending;
    if (timer !== undefined) clearTimeout(timer);
    void handle(url, res, current);
  });

  async function handle(url: URL, res: http.ServerResponse, current: Pending): Promise<void> {
    const error = url.searchParams.get('error');
    if (error !== null) {
      const failure = authorizationError(
        sanitize(error) ?? 'error',
        sanitize(url.searchParams.get('error_description')),
        current.options.rerun ?? DEFAULT_RERUN,
      );
      const declined = failure.code === 'access_denied';
      await send(
        res,
        declined ? 200 : 400,
        renderPage(
          declined ? 'Access declined' : 'Sign-in failed',
          `${failure.message} You can close this window.`,
        ),
      );
      current.reject(failure);
      return;
    }
    const code = url.searchParams.get('code');
    if (code === null || code === '') {
      await send(
        res,
        400,
        renderPage('Sign-in failed', 'The callback carried neither a code nor an error.'),
      );
      current.reject(
        new ConnectorError(
          'unexpected_response',
          'The authorization callback carried neither a code nor an error.',
          {
            hint: `Rerun \`${current.options.rerun ?? DEFAULT_RERUN}\`; if it happens again, check the Authorization Endpoint in the settings.`,
          },
        ),
      );
      return;
    }
    try {
      await current.options.onCode(code);
    } catch (thrown: unknown) {
      const failure = toConnectorError(thrown);
      await send(
        res,
        500,
        renderPage(
          'Sign-in failed',
          `The code could not be exchanged for tokens: see the terminal. (${failure.code})`,
        ),
      );
      current.reject(failure);
      return;
    }
    await send(res, 200, CONNECTED_PAGE);
    current.resolve();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, CALLBACK_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(
      code === 'EADDRINUSE'
        ? `Port ${port} on ${CALLBACK_HOST} is already in use, so the sign-in callback cannot be received there.`
        : `The sign-in callback server could not listen on ${CALLBACK_HOST}:${port} (${code ?? 'unknown error'}).`,
      'Pass --port N with a free port, and register http://127.0.0.1:N/oauth/callback as a redirect URI of the API client.',
    );
  });
  const actualPort = (server.address() as AddressInfo).port;
  const redirectUri = `http://${CALLBACK_HOST}:${actualPort}${CALLBACK_PATH}`;

  let closed: Promise<void> | undefined;
  function close(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  }

  return {
    host: CALLBACK_HOST,
    port: actualPort,
    redirectUri,
    awaitCallback(options) {
      const outcome = new Promise<void>((resolve, reject) => {
        pending = { options, resolve, reject };
        timer = setTimeout(() => {
          if (done) return;
          done = true;
          reject(
            new ConnectorError(
              'transport',
              `No sign-in callback arrived at ${redirectUri} within ${formatSeconds(options.timeoutMs)}.`,
              {
                hint:
                  `Rerun \`${options.rerun ?? DEFAULT_RERUN}\`, open the printed URL in a browser on this machine and sign in (pass --timeout SECONDS for more time); ` +
                  `if Workday showed an error page, check that ${redirectUri} is a redirect URI of the API client.`,
              },
            ),
          );
        }, options.timeoutMs);
      });
      return outcome.finally(() => close());
    },
    close,
  };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
