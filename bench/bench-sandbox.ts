import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/index';
import { applyControl } from './sandbox-rpc';
import type {
  AddInboxTasksRequest,
  FaultSpec,
  SandboxHandle,
  SandboxState,
} from '../sandbox/index';
import type { ReadyMessage, RpcCall, RpcRequest, RpcResponse, SandboxControl } from './sandbox-rpc';

/** A running sandbox as the bench sees it. */
export interface BenchSandbox extends SandboxControl {
  /** Where the sandbox runs: in a child process (`child`) or in the bench process (`inline`). */
  mode: 'child' | 'inline';
  origin: string;
  settings: SandboxHandle['settings'];
  close(): Promise<void>;
}

const CHILD_START_TIMEOUT_MS = 20_000;

async function startInline(): Promise<BenchSandbox> {
  const handle = await startSandbox({ port: 0, host: '127.0.0.1' });
  return {
    mode: 'inline',
    origin: handle.origin,
    settings: handle.settings,
    state: () => applyControl(handle, { id: 0, op: 'state' }) as Promise<SandboxState>,
    setFaults: async (spec: FaultSpec) =>
      void (await applyControl(handle, { id: 0, op: 'setFaults', spec })),
    reset: async () => void (await applyControl(handle, { id: 0, op: 'reset' })),
    addInboxTasks: (request: AddInboxTasksRequest) =>
      applyControl(handle, { id: 0, op: 'addInboxTasks', request }) as Promise<string[]>,
    setImportDelay: async (ms: number) =>
      void (await applyControl(handle, { id: 0, op: 'setImportDelay', ms })),
    close: () => handle.close(),
  };
}

async function startChild(script: string): Promise<BenchSandbox> {
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited = false;

  const ready = new Promise<ReadyMessage>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The sandbox child did not start in time.')),
      CHILD_START_TIMEOUT_MS,
    );
    child.on('message', (message: ReadyMessage | RpcResponse) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(`Sandbox control failed: ${message.message}`));
    });
    child.on('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      const error = new Error(`The sandbox child exited with code ${String(code)}.`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  });

  const call = <T>(request: RpcCall): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) {
        reject(new Error('The sandbox child is not running.'));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...request, id } as RpcRequest);
    });

  let started: ReadyMessage;
  try {
    started = await ready;
  } catch (error) {
    if (!exited) child.kill();
    throw error;
  }
  return {
    mode: 'child',
    origin: started.origin,
    settings: started.settings,
    state: () => call<SandboxState>({ op: 'state' }),
    setFaults: async (spec) => void (await call({ op: 'setFaults', spec })),
    reset: async () => void (await call({ op: 'reset' })),
    addInboxTasks: (request) => call<string[]>({ op: 'addInboxTasks', request }),
    setImportDelay: async (ms) => void (await call({ op: 'setImportDelay', ms })),
    close: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call({ op: 'close' }).catch(() => undefined);
      const timer = setTimeout(() => child.kill(), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts the sandbox for the bench. `child` mode needs the compiled `sandbox-child.js` beside
 * this file (it is there under `dist/bench/`); from TypeScript sources it falls back to inline.
 */
export async function startBenchSandbox(mode: 'child' | 'inline'): Promise<BenchSandbox> {
  const script = join(__dirname, 'sandbox-child.js');
  if (mode === 'child' && existsSync(script)) return startChild(script);
  return startInline();
}
