import * as path from 'node:path';
import { openSettings } from '../open-settings';
import type { ConnectorError } from '../../sdk/errors';
import { createSession, selectAuthorization } from '../../sdk/runtime';
import { registerConnectionSecrets } from '../connection-secrets';
import { GRANT_EXPLANATION } from '../doctor/check-settings';
import { loadConnector } from '../load-connector';
import { chooseCallbackPort, sameRedirectUri } from '../oauth2/callback-port';
import { startCallbackServer } from '../oauth2/callback-server';
import { openBrowser } from '../oauth2/open-browser';
import { splitTokens } from '../settings-tokens';
import { usageError } from '../usage-error';
import { CLI_COMMAND } from '../cli-name';
import type { Session, SessionOptions } from '../../sdk/runtime';
import type { CommandContext, CommandResult } from '../command';
import type { LoadedConnector } from '../load-connector';

/** The oauth2 command line to run again, with the user's own settings file and connection. */
function rerunCommand(settings: string, connection: string | undefined): string {
  const quote = (text: string) =>
    /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
  return [
    `${CLI_COMMAND} oauth2 --settings ${quote(settings)}`,
    ...(connection === undefined ? [] : [`--connection ${quote(connection)}`]),
  ].join(' ');
}

/** Options of `connector oauth2`. */
export interface OAuth2Options {
  /**
   * The connector (`--connector NAME`).
   * @default 'workday'
   */
  connector?: string;
  /**
   * The settings file (plain or encrypted), relative to the working directory.
   * @default 'settings.json'
   */
  settings: string;
  /** The named connection to authorize; required when the file names several. */
  connection?: string;
  /**
   * Port of the callback server on 127.0.0.1; 0 picks a free one.
   * @default the port of the connection's redirect_uri, else 45555
   */
  port?: number;
  /**
   * Open the authorize URL in the default browser (`--no-browser` turns it off).
   * @default true
   */
  browser: boolean;
  /**
   * Seconds to wait for the sign-in.
   * @default 300
   */
  timeout?: number;
}

/** What the hook receives once the callback server listens. */
export interface AuthorizeUrlInfo {
  /** The authorization URL with `state` and the PKCE S256 challenge. */
  url: string;
  /** `http://127.0.0.1:PORT/oauth/callback`. */
  redirectUri: string;
  /** Always `127.0.0.1`. */
  host: string;
  port: number;
}

/** What `oauth2` needs besides options; tests drive the sign-in through `onAuthorizeUrl`. */
export interface OAuth2Dependencies {
  /** @default the package's connector.ts */
  loadConnector?: () => LoadedConnector;
  /** @default the SDK's createSession */
  createSession?: (
    definition: LoadedConnector,
    options: SessionOptions,
  ) => Pick<
    Session<Record<string, unknown>>,
    'connection' | 'authorizationUrl' | 'exchangeCode' | 'close'
  >;
  /** Receives the authorize URL (in-process use: a test performs the sign-in itself). */
  onAuthorizeUrl?: (info: AuthorizeUrlInfo) => void | Promise<void>;
  /** @default opens the system browser */
  openBrowser?: (url: string) => void;
}

const DEFAULT_TIMEOUT_SECONDS = 300;

function refuseAuthType(name: string, authType: unknown): ConnectorError {
  const shown = typeof authType === 'string' ? `"${authType}"` : 'no auth_type';
  const why =
    authType === 'refresh_token'
      ? 'an API client for integrations has no sign-in: its refresh token is generated in Manage Refresh Tokens for Integrations and pasted into "refresh_token".'
      : GRANT_EXPLANATION;
  return usageError(
    `Connection '${name}' has ${shown}; \`${CLI_COMMAND} oauth2\` signs in only authorization_code connections (API clients for a user account).`,
    `${why.charAt(0).toUpperCase()}${why.slice(1)}`,
  );
}

/**
 * Signs a user-account connection in with the authorization-code grant: starts a one-shot
 * callback server on 127.0.0.1, prints (and opens) the authorize URL with `state` and PKCE S256,
 * exchanges the returned code and saves the refresh token, access token and expiry into the
 * settings file atomically.
 */
export async function oauth2(
  options: OAuth2Options,
  context: CommandContext,
  dependencies: OAuth2Dependencies = {},
): Promise<CommandResult> {
  const definition = (dependencies.loadConnector ?? loadConnector)();
  const settingsPath = path.resolve(context.cwd, options.settings);
  const store = await openSettings(settingsPath, context, definition.connection.fields);
  const name = store.resolveConnectionName(options.connection);
  const label = name ?? 'default';
  const values = store.getConnection(name);
  registerConnectionSecrets(context.redactor, values, definition.connection.fields);
  if (values.auth_type !== 'authorization_code') throw refuseAuthType(label, values.auth_type);
  const timeoutSeconds = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) throw usageError('--timeout must be a positive number of seconds.');

  const { connection } = splitTokens(values);
  const factory = dependencies.createSession ?? createSession;
  const session = factory(definition, { connection });
  try {
    const { option } = selectAuthorization(definition.connection.authorization, session.connection);
    if (option.type !== 'oauth2' || option.grant !== 'authorization_code')
      throw refuseAuthType(label, values.auth_type);

    const server = await startCallbackServer(chooseCallbackPort(options.port, values.redirect_uri));
    try {
      if (!sameRedirectUri(values.redirect_uri, server.redirectUri)) {
        context.log(
          `note: the callback URI ${server.redirectUri} differs from the connection's redirect_uri; Workday accepts only redirect URIs registered on the API client.`,
        );
      }
      const request = session.authorizationUrl(server.redirectUri);
      context.redactor.add(request.codeVerifier ?? '');
      let saved: { expiresAt?: string; refreshToken: boolean } | undefined;
      const outcome = server.awaitCallback({
        state: request.state,
        timeoutMs: timeoutSeconds * 1000,
        rerun: rerunCommand(options.settings, name),
        onRefused: (message) => context.log(`note: ${message}`),
        onCode: async (code) => {
          context.redactor.add(code);
          const tokens = await session.exchangeCode({
            code,
            redirectUri: server.redirectUri,
            ...(request.codeVerifier === undefined ? {} : { codeVerifier: request.codeVerifier }),
          });
          context.redactor.add(tokens.access_token);
          if (tokens.refresh_token !== undefined) context.redactor.add(tokens.refresh_token);
          const expiresAt =
            tokens.expires_in === undefined
              ? undefined
              : new Date(Date.now() + tokens.expires_in * 1000).toISOString();
          await store.updateConnection(name, {
            access_token: tokens.access_token,
            access_token_expires_at: expiresAt,
            refresh_token: tokens.refresh_token,
          });
          saved = {
            refreshToken: tokens.refresh_token !== undefined,
            ...(expiresAt === undefined ? {} : { expiresAt }),
          };
        },
      });
      // Settled by the browser possibly while the hook below still runs; awaited further down.
      outcome.catch(() => undefined);
      context.log(`Open this URL in a browser on this machine to sign in to Workday:`);
      context.log(`  ${request.url}`);
      context.log(`Waiting for the sign-in at ${server.redirectUri} (up to ${timeoutSeconds} s)…`);
      if (options.browser) (dependencies.openBrowser ?? openBrowser)(request.url);
      await dependencies.onAuthorizeUrl?.({
        url: request.url,
        redirectUri: server.redirectUri,
        host: server.host,
        port: server.port,
      });
      await outcome;
      const result = saved ?? { refreshToken: false };
      const note = result.refreshToken
        ? 'saved its refresh token and access token'
        : 'saved its access token, but Workday returned no refresh token (enable refresh tokens on the API client, or sign in again when the token expires)';
      return {
        stdout: `Connected '${label}': ${note} to ${settingsPath}.\n`,
        exitCode: 0,
      };
    } finally {
      await server.close();
    }
  } finally {
    session.close();
  }
}
