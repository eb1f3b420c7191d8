import { ConnectorError } from '../sdk/errors';
import type * as Runtime from '../sdk/runtime';
import type { SandboxHandle } from '../sandbox/index';
import type { SessionFactory } from './session';

// Modules are loaded on first use: `connector --version` should not pay for axios or fastify.
function requireModule(modulePath: string): Record<string, unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(modulePath) as Record<string, unknown>;
  } catch (error) {
    throw new ConnectorError('internal', `Module '${modulePath}' could not be loaded.`, {
      cause: error,
    });
  }
}

/** The SDK's `createSession`. */
export function defaultCreateSession(): SessionFactory {
  const { createSession } = requireModule('../sdk/runtime') as typeof Runtime;
  return (definition, options) => createSession(definition, options);
}

/**
 * `startSandbox()` from `sandbox/index.ts`, loaded on first call: `build` and `demo` start the
 * sandbox, but bundling alone should not pay for fastify.
 */
export function defaultStartSandbox(): Promise<SandboxHandle> {
  const starter = requireModule('../sandbox/index').startSandbox;
  if (typeof starter !== 'function') {
    throw new ConnectorError('internal', `Module 'sandbox/index' does not export 'startSandbox'.`);
  }
  return (starter as () => Promise<SandboxHandle>)();
}
