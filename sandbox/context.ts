/**
 * What every route plugin of one sandbox instance shares: the tenants, tokens, faults, counters
 * and timing options. Built once by `buildSandbox()`.
 */
import type { Counters } from './counters';
import type { FaultEngine } from './faults';
import type { TokenRegistry } from './oauth/tokens';
import type { SandboxStore } from './store';
import type { SandboxSecrets } from './types';

export interface SandboxContext {
  store: SandboxStore;
  tokens: TokenRegistry;
  faults: FaultEngine;
  counters: Counters;
  secrets: SandboxSecrets;
  now: () => number;
  accessTokenTtlSeconds: number;
  authorizationCodeTtlSeconds: number;
  loginDelayMs: number;
  /** How long an import process runs before it completes; changed with `setImportDelay`. */
  importDelayMs: number;
}

/** Options of every route plugin: the shared context. */
export interface RoutePluginOptions {
  context: SandboxContext;
}
