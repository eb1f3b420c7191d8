import type { Logger, ProgressEvent } from '../sdk/define';
import type { Exchange } from '../sdk/http/types';
import type { TokenUpdate } from '../sdk/runtime';
import type { LoadedConnector } from './load-connector';

/** The options the CLI passes to the SDK's `createSession`. */
export interface CliSessionOptions {
  /** Raw settings values; the SDK validates them with the connector's `connection.fields`. */
  connection: unknown;
  /** A cached access token from the settings file, used until it expires. */
  tokens?: { access_token?: string; access_token_expires_at?: string };
  onTokens?: (update: TokenUpdate) => void | Promise<void>;
  /** Every HTTP exchange, already redacted by the SDK. */
  onExchange?: (exchange: Exchange) => void;
  /** Where the connector's and the runtime's log lines go (e.g. a failed token write-back). */
  log?: Logger;
  /** Actions' progress (drawn on stderr). */
  onProgress?: (event: ProgressEvent) => void;
}

/** The part of the SDK's `Session` the CLI uses. */
export interface CliSession {
  test(): Promise<unknown>;
  runAction(name: string, input: unknown): Promise<unknown>;
  poll(name: string, input: unknown, closure?: unknown): Promise<unknown>;
  pickList(name: string, params?: Record<string, string>): Promise<Array<[string, string]>>;
  close(): void;
}

/** Builds a session for a definition: the SDK's `createSession`, or a stand-in in tests. */
export type SessionFactory = (
  definition: LoadedConnector,
  options: CliSessionOptions,
) => CliSession | Promise<CliSession>;

export type { TokenUpdate };
