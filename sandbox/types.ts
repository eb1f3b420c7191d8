/**
 * Public types of the embedded Workday sandbox tenant: its options, fault injection, the
 * introspection state and the settings file it writes. The sandbox plays Workday, so nothing
 * here refers to the connector's own code.
 */

/** The step types a sandbox inbox task can have (Workday's `stepType` descriptors). */
export const INBOX_STEP_TYPES = ['Approval', 'To Do', 'Review'] as const;
/** A Workday inbox task step type descriptor. */
export type InboxStepType = (typeof INBOX_STEP_TYPES)[number];

/** The statuses a sandbox inbox task can have (Workday's `status` descriptors). */
export const INBOX_TASK_STATUSES = ['Awaiting Action', 'Successfully Completed', 'Denied'] as const;
/** A Workday inbox task status descriptor. */
export type InboxTaskStatus = (typeof INBOX_TASK_STATUSES)[number];

/** The kinds of mangled response the `malformed` fault produces. */
export const MALFORMED_KINDS = ['html', 'truncated_json', 'soap_unexpected'] as const;
/** A kind of mangled response. */
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

/**
 * Which requests a fault applies to, and how often it may fire.
 */
export interface FaultTarget {
  /** A substring of the request path or of the SOAP operation name; absent = every API request. */
  match?: string;
  /** The fault fires at most this many times; absent = no limit. */
  count?: number;
}

/**
 * Faults to inject into API requests (never into `/_sandbox/*`). Set at start, with
 * `POST /_sandbox/faults` (replaces the whole spec) or `SandboxHandle.setFaults`.
 *
 * @example
 * { "rateLimit": { "every": 3, "retryAfterSeconds": 1, "match": "inboxTasks" } }
 */
export interface FaultSpec {
  /** Every Nth matching request gets HTTP 429 with a `Retry-After` header. */
  rateLimit?: { every: number; retryAfterSeconds: number; match?: string };
  /**
   * Matching requests fail with a 5xx: every Nth (`every`), at random (`probability`, seeded
   * RNG) or, with neither, every matching request until `count` is used up.
   */
  serverError?: {
    probability?: number;
    every?: number;
    /** @default 500 */
    status?: number;
    match?: string;
    count?: number;
  };
  /** Milliseconds added before handling every API request (or those matching `latencyMatch`). */
  latencyMs?: number;
  /** Restricts `latencyMs` to requests whose path or SOAP operation contains this. */
  latencyMatch?: string;
  /**
   * Delays only the first this many matching requests (then none): one slow upload that a
   * client times out on, with its resend answered at once.
   */
  latencyCount?: number;
  /** Destroy the socket before handling: the request has no effect. */
  resetBeforeResponse?: FaultTarget;
  /** Handle the request (its writes commit), then destroy the socket instead of answering. */
  loseResponseAfterCommit?: FaultTarget;
  /** Access tokens issued from now on expire after this many seconds. */
  accessTokenTtlSeconds?: number;
  /** One-shot: every access token issued so far expires now. */
  expireAccessTokens?: boolean;
  /** One-shot: revoke every refresh token (`true`) or those of the listed client ids. */
  revokeRefreshTokens?: boolean | string[];
  /**
   * Handle the request (its writes commit), then answer with a mangled body: an HTML page, half
   * of the JSON, or a SOAP envelope with an unexpected body element.
   */
  malformed?: { kind: MalformedKind; match?: string; count?: number };
  /** Seed of the RNG behind `serverError.probability`, for reproducible runs. @default 1 */
  seed?: number;
}

/** Exact counters of everything the sandbox saw since start or the last reset. */
export interface SandboxState {
  /**
   * API requests (not `/_sandbox/*`). `byRoute` keys are the route names in
   * `sandbox/route-names.ts` (e.g. `rest.inboxTasks.list`, `oauth.token`,
   * `soap.Submit_Accounting_Journal`), `unmatched` for unknown paths.
   */
  requests: { total: number; byRoute: Record<string, number> };
  /** Token endpoint requests by the `grant_type` they asked for, failed ones included. */
  tokenRequests: {
    authorization_code: number;
    refresh_token: number;
    client_credentials: number;
    other: number;
    total: number;
  };
  /** TCP connections accepted since start or reset. */
  sockets: { opened: number };
  /** Journals stored, by tenant. */
  journals: Record<string, number>;
  /** Journal import processes received, completed and failed, by tenant. */
  imports: Record<string, { received: number; completed: number; failed: number }>;
  /** Inbox tasks by tenant and status descriptor. */
  inboxTasks: Record<string, Record<string, number>>;
  /** How often each fault fired, by FaultSpec key. */
  faults: { fired: Record<string, number> };
}

/** One named connection of the settings file, as the connector's settings reader expects it. */
export interface SandboxConnectionSettings {
  /** `refresh_token`: API client for integrations (an ISU's refresh token); `authorization_code`: API client for user accounts. */
  auth_type: 'refresh_token' | 'authorization_code';
  /** `http://127.0.0.1:PORT/ccx/api/v1/{tenant}` */
  rest_api_endpoint: string;
  /** `http://127.0.0.1:PORT/{tenant}/authorize` */
  authorization_endpoint: string;
  /** `http://127.0.0.1:PORT/ccx/oauth2/{tenant}/token` */
  token_endpoint: string;
  client_id: string;
  client_secret: string;
  /** Present for `refresh_token` connections only. */
  refresh_token?: string;
  /** Present for `authorization_code` connections only. */
  redirect_uri?: string;
  /** Financial_Management version, e.g. `v45.0`. */
  soap_version: string;
}

/** The settings file the sandbox writes: named connections, ready for `connector exec`. */
export interface SandboxSettingsFile {
  connections: Record<string, SandboxConnectionSettings>;
}

/** A login of the sandbox (demo persons and ISUs). */
export interface SandboxUser {
  /** Login name for the consent page; for SOAP WS-Security use `username@tenant`. */
  username: string;
  /** Consent-page password of a person, or the generated SOAP password of an ISU. */
  password: string;
  tenant: string;
  /** The WID of the user's worker record. */
  workerId: string;
  /** A demo person (consent page login) or an Integration System User (SOAP only). */
  kind: 'person' | 'isu';
}

/** `POST /_sandbox/inbox-tasks`: add tasks in bulk to one worker's inbox. */
export interface AddInboxTasksRequest {
  tenant: string;
  /** A username (e.g. `lmcneil`, `ISU_Connector_US`) or a worker WID. */
  assignee: string;
  /** How many tasks to add (1..1,000,000). */
  count: number;
  /** @default 'Approval' */
  stepType?: InboxStepType;
  /** Time of the first task: ISO datetime or epoch milliseconds. @default now */
  assignedStart?: string | number;
  /** Milliseconds between consecutive tasks' `assigned` (may be 0 or negative). @default 1000 */
  assignedStepMs?: number;
}

/** A stored inbox task, as `addInboxTasks` returns it (read-only: change tasks through the API). */
export interface InboxTaskRecord {
  readonly id: string;
  readonly tenant: string;
  readonly assigneeWorkerId: string;
  readonly descriptor: string;
  readonly stepType: InboxStepType;
  readonly status: InboxTaskStatus;
  /** ISO datetime with milliseconds and `Z`. */
  readonly assigned: string;
  readonly assignedMs: number;
  /** ISO date. */
  readonly due: string;
  readonly overallProcess: { id: string; kind: string; descriptor: string };
  readonly subjectWorkerId: string;
  readonly initiatorWorkerId: string;
}

/** Options of `buildSandbox()`. */
export interface SandboxOptions {
  /** Faults active from the start. */
  faults?: FaultSpec;
  /** Lifetime of access tokens. @default 3600 */
  accessTokenTtlSeconds?: number;
  /** Lifetime of authorization codes. @default 60 */
  authorizationCodeTtlSeconds?: number;
  /** Milliseconds to wait before answering a login (consent form) post. @default 0 */
  loginDelay?: number;
  /** Milliseconds an Import_Accounting_Journal process runs before it completes. @default 2000 */
  importDelayMs?: number;
  /** Clock in epoch milliseconds; tests pass a controllable one. @default Date.now */
  now?: () => number;
  /** Secrets of this run; generated with `crypto.randomBytes` when absent. */
  secrets?: SandboxSecrets;
}

/** The secrets generated for one run: never stored in fixtures. */
export interface SandboxSecrets {
  /** Client secret by `tenant/client_id`. */
  clientSecrets: Record<string, string>;
  /** ISU refresh token by `tenant/client_id`. */
  isuRefreshTokens: Record<string, string>;
  /** Generated SOAP password by `tenant/username` for ISUs. */
  isuPasswords: Record<string, string>;
}
