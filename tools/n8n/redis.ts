/** Debian's `redis-server` on a free loopback port, for n8n's queue mode; stopped by PID. */
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort, waitUntil } from './n8n-process';

/** A running Redis. */
export interface RedisServer {
  port: number;
  stop(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts `redis-server` without persistence; fails loudly when Debian's package is missing. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) =>
    child.once('error', (error) =>
      reject(
        new Error(`redis-server could not start (apt-get install redis-server): ${error.message}`),
      ),
    ),
  );
  await Promise.race([
    waitUntil('redis-server', async () => ((await ping(port)) ? true : undefined), 20_000),
    failed,
  ]);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    port,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}
