/**
 * The Workiva simulator: the US and EU regions, each a real HTTP server on loopback (port 0)
 * with the IAM token endpoint, the Platform API (files, spreadsheets, sheets, ranges,
 * operations), `X-Version` routing, a rate limit that counts token requests, and faults.
 */
import type { AddressInfo } from 'node:net';
import { parseRange } from './a1';
import { buildRegionApp } from './app';
import type { RegionAppOptions } from './app';
import { emptyCounters } from './context';
import type { RequestRecord, SimulatorCounters } from './context';
import type { FaultSpec } from './faults';
import { CLIENTS } from './fixtures';
import { generateClientSecrets } from './secrets';
import type { RateLimitStats } from './rate-limit';

export { buildRegionApp } from './app';
export { FaultSpecError } from './faults';
export type { FaultSpec } from './faults';
export type { RateLimitStats } from './rate-limit';
export type { RequestRecord } from './context';

export type StartWorkivaSimulatorOptions = Omit<RegionAppOptions, 'region' | 'clientSecrets'>;

/** A connection as a settings file holds it. */
export type WorkivaConnectionSettings = Record<string, string>;

export interface WorkivaRegionHandle {
  origin: string;
  state(): SimulatorCounters & {
    rateLimit: RateLimitStats;
    faultsFired: number;
    operations: number;
  };
  /**
   * Replaces the active faults. Takes any value, as parsed from `--faults` or a request body,
   * and checks it against {@link FaultSpec}'s schema: throws FaultSpecError for a bad spec.
   */
  setFaults(spec: FaultSpec | unknown): void;
  /** The requests the rate limiter counted since the last reset, oldest first. */
  requests(): RequestRecord[];
  /** Reads cells straight from the store (what a completed update changed). */
  cells(spreadsheetId: string, sheetId: string, range: string): unknown[][];
}

export interface WorkivaSimulatorHandle {
  us: WorkivaRegionHandle;
  eu: WorkivaRegionHandle;
  settings: { connections: Record<string, WorkivaConnectionSettings> };
  /** Restores the cells; clears tokens, operations, counters and faults. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts both regions on 127.0.0.1 with fresh client secrets.
 *
 * @example
 * const workiva = await startWorkivaSimulator({ rateLimit: { limit: 10, windowMs: 1000 } });
 * await workiva.close();
 */
export async function startWorkivaSimulator(
  options: StartWorkivaSimulatorOptions = {},
): Promise<WorkivaSimulatorHandle> {
  const secrets = generateClientSecrets(CLIENTS);
  const regions = await Promise.all(
    (['us', 'eu'] as const).map(async (region) => {
      const { app, context } = buildRegionApp({ ...options, region, clientSecrets: secrets });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const handle: WorkivaRegionHandle = {
        origin,
        state: () => ({
          ...structuredClone(context.counters),
          rateLimit: { ...context.limiter.stats },
          faultsFired: context.faults.fired,
          operations: context.store.operationCount(),
        }),
        setFaults: (spec) => context.faults.set(spec),
        requests: () => structuredClone(context.log),
        cells: (spreadsheetId, sheetId, range) => {
          const rect = parseRange(range);
          if (rect === undefined) throw new Error(`not an A1 range: ${range}`);
          return context.store.read(spreadsheetId, sheetId, rect);
        },
      };
      return { app, context, handle };
    }),
  );
  const [us, eu] = regions as [(typeof regions)[0], (typeof regions)[0]];
  const conn = (
    origin: string,
    clientId: string,
    extra: Record<string, string> = {},
  ): WorkivaConnectionSettings => ({
    region: clientId.endsWith('-eu') ? 'eu' : 'us',
    base_url: origin,
    client_id: clientId,
    client_secret: secrets[clientId] ?? '',
    ...extra,
  });
  return {
    us: us.handle,
    eu: eu.handle,
    settings: {
      connections: {
        // Healthy: asks for what the grant allows.
        us: conn(us.handle.origin, 'acme-reporting', { scope: 'file:read file:write' }),
        // Client id and secret in the form body instead of Basic.
        us_body_auth: conn(us.handle.origin, 'acme-reporting', { client_authentication: 'body' }),
        // Asks for file:write, the grant only allows file:read: a narrower token.
        us_readonly: conn(us.handle.origin, 'acme-readonly', { scope: 'file:read file:write' }),
        eu: conn(eu.handle.origin, 'acme-reporting-eu'),
        // A US client pointed at the EU host.
        us_client_on_eu: conn(eu.handle.origin, 'acme-reporting', { region: 'eu' }),
      },
    },
    reset: () => {
      for (const r of regions) {
        r.context.tokens.clear();
        r.context.store.reset();
        r.context.faults.clear();
        r.context.limiter.reset();
        r.context.log.length = 0;
        Object.assign(r.context.counters, emptyCounters());
      }
    },
    close: async () => {
      await Promise.all(regions.map((r) => r.app.close()));
    },
  };
}
