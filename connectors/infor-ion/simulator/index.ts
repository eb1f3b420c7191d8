/**
 * The Infor ION simulator: `startIonSimulator()` listens on loopback and returns the handle a
 * test or the CLI needs: settings connections for every case the doctor must tell apart, the
 * permission profile of each tenant, faults, and the M3 batches for assertions.
 */
import type { AddressInfo } from 'node:net';
import { buildIonApp } from './app';
import type { IonFaults, IonState } from './app';
import type { BatchRecord } from './m3-programs';
import { defaultProfile, makeTenant } from './model';
import type { PermissionProfile, TenantRecord } from './model';

export type { IonFaults } from './app';
export type { PermissionProfile } from './model';

/** The tenants every simulator has: a test and a production environment of one customer. */
export const TENANTS = ['ACME_TST', 'ACME_PRD'] as const;
export type TenantName = (typeof TENANTS)[number];

/** Options of {@link startIonSimulator}. */
export interface IonSimulatorOptions {
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** @default 7200 (Infor's default: about two hours) */
  accessTokenTtlSeconds?: number;
  /** Clock for token expiry. @default Date.now */
  now?: () => number;
}

/** A running simulator. */
export interface IonSimulatorHandle {
  origin: string;
  /** Named connections, as `.ionapi` keys, ready to write as a settings file. */
  settings: { connections: Record<string, Record<string, string>> };
  /** The `.ionapi` file of a tenant's app (for import tests), as Infor would let you download it. */
  ionapiFile(
    tenant: TenantName,
    app: 'service_account' | 'client_credentials',
  ): Record<string, string>;
  /** Changes one tenant's permission profile (the rest stays). */
  setProfile(tenant: TenantName, change: Partial<PermissionProfile>): void;
  /** Withdraws an M3 program from the user behind the service account (ERP authority layer). */
  revokeM3Authority(tenant: TenantName, program: string, user?: string): void;
  /** Deletes the tenant's service account (its keys are refused from now on). */
  revokeServiceAccount(tenant: TenantName): void;
  setFaults(faults: IonFaults): void;
  /** A GL batch as M3 holds it, or undefined. */
  batch(tenant: TenantName, company: string, key: string): BatchRecord | undefined;
  /** Requests the gateway received. */
  gatewayRequests(): number;
  /** Token requests the authorization servers received. */
  tokenRequests(): number;
  /** Fresh tenants (new secrets), no tokens, batches or faults. */
  reset(): void;
  close(): Promise<void>;
}

function fileOf(
  origin: string,
  tenant: TenantRecord,
  kind: 'service_account' | 'client_credentials',
): Record<string, string> {
  const app = tenant.apps[kind === 'service_account' ? 0 : 1] as TenantRecord['apps'][number];
  const account = tenant.serviceAccounts[0] as TenantRecord['serviceAccounts'][number];
  return {
    ti: tenant.tenant,
    cn: app.name,
    dt: '12',
    ci: app.clientId,
    cs: app.clientSecret,
    iu: origin,
    pu: `${origin}/${tenant.tenant}/as/`,
    oa: 'authorization.oauth2',
    ot: 'token.oauth2',
    or: 'revoke_token.oauth2',
    ev: 'U000000001',
    v: '1.0',
    ...(kind === 'service_account' ? { saak: account.accessKey, sask: account.secretKey } : {}),
  };
}

/**
 * Every connection the doctor must tell apart (issue 17): healthy ones per tenant and app type,
 * and the seed's failures: production keys mixed with test keys, a client-credentials grant the
 * app does not allow, and service-account keys of another tenant without a tenant prefix.
 */
function connectionsOf(
  origin: string,
  tst: TenantRecord,
  prd: TenantRecord,
): Record<string, Record<string, string>> {
  const prdFile = fileOf(origin, prd, 'service_account');
  const tstFile = fileOf(origin, tst, 'service_account');
  const tstBare = tst.serviceAccounts[1] as TenantRecord['serviceAccounts'][number];
  return {
    tst: tstFile,
    prd: prdFile,
    prd_m2m: fileOf(origin, prd, 'client_credentials'),
    prd_with_tst_keys: { ...prdFile, saak: tstFile.saak as string, sask: tstFile.sask as string },
    prd_with_tst_bare_keys: { ...prdFile, saak: tstBare.accessKey, sask: tstBare.secretKey },
    prd_client_credentials_not_allowed: { ...prdFile, app_type: 'client_credentials' },
  };
}

/** Starts the simulator on 127.0.0.1. Secrets are generated per run and appear only in `settings`. */
export async function startIonSimulator(
  options: IonSimulatorOptions = {},
): Promise<IonSimulatorHandle> {
  const fresh = () => new Map<string, TenantRecord>(TENANTS.map((t) => [t, makeTenant(t)]));
  const state: IonState = {
    tenants: fresh(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    batches: new Map(),
    faults: {},
    gatewayRequests: 0,
    tokenRequests: 0,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 7200,
    now: options.now ?? Date.now,
  };
  const app = buildIonApp(state);
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const tenant = (name: TenantName) => state.tenants.get(name) as TenantRecord;
  const settings = { connections: connectionsOf(origin, tenant('ACME_TST'), tenant('ACME_PRD')) };
  return {
    origin,
    settings,
    ionapiFile: (name, kind) => fileOf(origin, tenant(name), kind),
    setProfile: (name, change) => {
      tenant(name).profile = { ...tenant(name).profile, ...change };
    },
    revokeM3Authority: (name, program, user = 'SVC_GL') => {
      tenant(name).users[user]?.programs.delete(program);
    },
    revokeServiceAccount: (name) => {
      for (const account of tenant(name).serviceAccounts) account.revoked = true;
    },
    setFaults: (faults) => {
      state.faults = structuredClone(faults);
    },
    batch: (name, company, key) => state.batches.get(`${name}|${company}|${key}`),
    gatewayRequests: () => state.gatewayRequests,
    tokenRequests: () => state.tokenRequests,
    reset: () => {
      state.tenants = fresh();
      state.accessTokens.clear();
      state.refreshTokens.clear();
      state.batches.clear();
      state.faults = {};
      state.gatewayRequests = 0;
      state.tokenRequests = 0;
      settings.connections = connectionsOf(origin, tenant('ACME_TST'), tenant('ACME_PRD'));
      for (const t of state.tenants.values()) t.profile = defaultProfile();
    },
    close: () => app.close(),
  };
}
