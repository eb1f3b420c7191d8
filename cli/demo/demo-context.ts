import { ConnectorError } from '../../sdk/errors';
import type { AddInboxTasksRequest, InboxTaskRecord, SandboxState } from '../../sandbox/types';
import type { ConnectionReport } from '../doctor/report';
import type { CliSession } from '../session';

/** The part of a running sandbox the demo uses (`SandboxHandle` from `sandbox/index.ts`). */
export interface DemoSandbox {
  origin: string;
  settings: { connections: Record<string, object> };
  state(): Promise<SandboxState>;
  addInboxTasks(request: AddInboxTasksRequest): InboxTaskRecord[];
  close(): Promise<void>;
}

/** What every demo step receives. */
export interface DemoContext {
  /** Writes transcript text (already redacted on the way out). */
  write(text: string): void;
  sandbox: DemoSandbox;
  /** A session for a named connection of the demo's settings file, as `connector exec` makes it. */
  session(connection: string): Promise<CliSession>;
  /** Runs the doctor's check chain for one named connection. */
  doctor(connection: string): Promise<ConnectionReport>;
}

/** One step of the demo. */
export interface DemoStep {
  title: string;
  run(context: DemoContext): Promise<void>;
}

/** Thrown by a step whose result is not what it shows; the runner names the step. */
export class DemoCheckError extends ConnectorError {
  constructor(message: string) {
    super('internal', message, {
      hint: 'The demo checks each result it prints; this one did not match, so something in the connector or sandbox is broken.',
    });
  }
}

/** Fails the step with `message` unless `condition` holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DemoCheckError(message);
}
