/**
 * What the ION simulator models: tenants with authorized apps, service accounts and M3 users,
 * and a per-tenant permission profile that flips one layer of other-systems.md §1.5 at a time.
 * It knows nothing of the connector; it plays Infor.
 */
import { randomBytes } from 'node:crypto';

/** An authorized app (API Gateway > Authorized Apps) of type Backend Service. */
export interface AppRecord {
  name: string;
  clientId: string;
  clientSecret: string;
  /** Registered with Grant Type "Client Credentials" (else Password Credentials). */
  clientCredentials: boolean;
  /** "Issue Refresh Tokens" on. */
  issueRefreshTokens: boolean;
  /** The M3 user a client-credentials token acts as (undocumented: a guess, see the note). */
  m2mUser?: string;
}

/** A service account (Security > Service Accounts): keys that stand for an ERP user. */
export interface ServiceAccountRecord {
  accessKey: string;
  secretKey: string;
  /** The app it was created for. */
  app: string;
  user: string;
  /** Deleted or regenerated keys are refused at the token endpoint. */
  revoked: boolean;
}

/** An M3 user: default company and division, and the MI programs it may run. */
export interface M3UserRecord {
  company: string;
  division: string;
  programs: Set<string>;
}

/** The layers a test flips, one at a time (§1.5). */
export interface PermissionProfile {
  /** Layer 2: the tenant enforces OAuth scopes for its apps. */
  enforceScopes: boolean;
  /** Scopes the apps and service accounts have (token scope = what is asked, within these). */
  grantedScopes: string[];
  /** The gateway refuses every token of this tenant with 401 (e.g. revoked behind our back). */
  rejectTokens: boolean;
}

/** One tenant (one environment: `_TST`, `_PRD`). */
export interface TenantRecord {
  tenant: string;
  apps: AppRecord[];
  serviceAccounts: ServiceAccountRecord[];
  users: Record<string, M3UserRecord>;
  profile: PermissionProfile;
}

const ALL_PROGRAMS = ['MNS150MI', 'GLS840MI', 'EXPORTMI', 'CRS610MI'];

function secret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** A fresh tenant with two apps (service account, client credentials) and their users. */
export function makeTenant(tenant: string): TenantRecord {
  return {
    tenant,
    apps: [
      {
        name: 'gl_connector',
        clientId: `${tenant}~${secret(12)}`,
        clientSecret: secret(),
        clientCredentials: false,
        issueRefreshTokens: true,
      },
      {
        name: 'gl_connector_m2m',
        clientId: `${tenant}~${secret(12)}`,
        clientSecret: secret(),
        clientCredentials: true,
        issueRefreshTokens: false,
        m2mUser: 'M2M_GL',
      },
    ],
    serviceAccounts: [
      {
        accessKey: `${tenant}#${secret(24)}`,
        secretKey: secret(24),
        app: 'gl_connector',
        user: 'SVC_GL',
        revoked: false,
      },
      // Keys without the tenant prefix, as some older files have them.
      {
        accessKey: secret(24),
        secretKey: secret(24),
        app: 'gl_connector',
        user: 'SVC_GL',
        revoked: false,
      },
    ],
    users: {
      SVC_GL: { company: '100', division: 'AAA', programs: new Set(ALL_PROGRAMS) },
      M2M_GL: { company: '100', division: 'AAA', programs: new Set(ALL_PROGRAMS) },
    },
    profile: defaultProfile(),
  };
}

/** Scopes off, the tenant's suites granted, tokens accepted. */
export function defaultProfile(): PermissionProfile {
  return { enforceScopes: false, grantedScopes: ['Infor-M3'], rejectTokens: false };
}

/** The programs every M3 user of a fresh tenant may run. */
export const M3_PROGRAMS: readonly string[] = ALL_PROGRAMS;
