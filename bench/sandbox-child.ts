/**
 * Child-process entry that runs the sandbox for the bench, so its request handling does not
 * share the measuring thread. Started by `bench/bench-sandbox.ts` with `fork`; answers control
 * calls over IPC and exits when the parent closes it or goes away.
 */
import { startSandbox } from '../sandbox/index';
import { applyControl } from './sandbox-rpc';
import type { ReadyMessage, RpcRequest, RpcResponse } from './sandbox-rpc';

async function main(): Promise<void> {
  const handle = await startSandbox({ port: 0, host: '127.0.0.1' });
  const send = (message: ReadyMessage | RpcResponse): void => {
    process.send?.(message);
  };
  process.on('message', (message: RpcRequest) => {
    applyControl(handle, message).then(
      (value) => {
        send({ id: message.id, ok: true, value });
        if (message.op === 'close') process.disconnect();
      },
      (error: unknown) =>
        send({
          id: message.id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  // The parent died or disconnected without closing us: do not linger.
  process.on('disconnect', () => {
    void handle.close().finally(() => process.exit(0));
  });
  send({ ready: true, origin: handle.origin, settings: handle.settings });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `sandbox child failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
