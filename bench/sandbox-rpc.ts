import type {
  AddInboxTasksRequest,
  FaultSpec,
  SandboxHandle,
  SandboxState,
} from '../sandbox/index';

/**
 * The sandbox operations the bench drives, the same whether the sandbox runs in this process or
 * in a child. `addInboxTasks` hands back only ids: 100,000 whole task records would cost the
 * bench more memory than the trigger it measures.
 */
export interface SandboxControl {
  state(): Promise<SandboxState>;
  setFaults(spec: FaultSpec): Promise<void>;
  reset(): Promise<void>;
  addInboxTasks(request: AddInboxTasksRequest): Promise<string[]>;
  /** How long the sandbox's journal imports take to complete. */
  setImportDelay(ms: number): Promise<void>;
}

/** One control call sent from the bench to the sandbox child over IPC. */
export type RpcRequest =
  | { id: number; op: 'state' }
  | { id: number; op: 'setFaults'; spec: FaultSpec }
  | { id: number; op: 'reset' }
  | { id: number; op: 'addInboxTasks'; request: AddInboxTasksRequest }
  | { id: number; op: 'setImportDelay'; ms: number }
  | { id: number; op: 'close' };

/** A control call before it is given an id. */
export type RpcCall = RpcRequest extends infer R
  ? R extends RpcRequest
    ? Omit<R, 'id'>
    : never
  : never;

/** The child's answer to one {@link RpcRequest}. */
export type RpcResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** What the child sends once its sandbox listens. */
export interface ReadyMessage {
  ready: true;
  origin: string;
  settings: SandboxHandle['settings'];
}

/** Carries out one control call on a sandbox handle (used in the child and in-process alike). */
export async function applyControl(handle: SandboxHandle, request: RpcRequest): Promise<unknown> {
  switch (request.op) {
    case 'state':
      return handle.state();
    case 'setFaults':
      handle.setFaults(request.spec);
      return null;
    case 'reset':
      handle.reset();
      return null;
    case 'addInboxTasks':
      return handle.addInboxTasks(request.request).map((task) => task.id);
    case 'setImportDelay':
      handle.setImportDelay(request.ms);
      return null;
    case 'close':
      await handle.close();
      return null;
  }
}
