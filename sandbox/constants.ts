/** Default access-token lifetime: Workday's "Enforce 60 Minutes Access Token Expiry" (workday-api.md §1.5). */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** Authorization codes expire after 60 s (the brief; Workday's own value is not public). */
export const DEFAULT_AUTHORIZATION_CODE_TTL_SECONDS = 60;

/** REST collections: `limit` default 20, maximum 100 (Workday REST specs, workday-payloads.md §5). */
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** SOAP `Response_Filter/Count` default and maximum. Guess: consumers use up to 999 (payloads §5). */
export const DEFAULT_SOAP_PAGE_COUNT = 100;
export const MAX_SOAP_PAGE_COUNT = 999;

/** Financial_Management version advertised in the settings file (a current WWS version). */
export const SOAP_VERSION = 'v45.0';

/** The loopback redirect URI registered on the user-account API client. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:45555/oauth/callback';

/** Upper bound of one `POST /_sandbox/inbox-tasks` call: benchmarks add 100,000. */
export const MAX_BULK_INBOX_TASKS = 1_000_000;

/** Request body limit: SOAP journals with many lines stay far below it. */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Body limit of the Financial_Management endpoint, for Import_Accounting_Journal: about 450
 * bytes a line, so 300,000 lines. Guess: Workday's own request size limit is not published.
 */
export const SOAP_BODY_LIMIT_BYTES = 128 * 1024 * 1024;

/** How long a sandbox import process runs by default (Workday publishes no figure). */
export const DEFAULT_IMPORT_DELAY_MS = 2000;

/** Functional areas (Workday API client scopes) guarding each resource. Guess: the sandbox's registrations. */
export const FUNCTIONAL_AREAS = {
  staffing: 'Staffing',
  inbox: 'Tenant Non-Configurable',
  financials: 'Common Financial Management',
} as const;

/** Fixed WIDs of the step type and status references (Workday's are tenant-wide constants). */
export const STEP_TYPE_IDS: Readonly<Record<string, string>> = {
  Approval: 'd8c8920e446c11de98360015c5e6daf6',
  'To Do': 'd8c8a6d4446c11de98360015c5e6daf6',
  Review: 'd8c8b4a8446c11de98360015c5e6daf6',
};
export const STATUS_IDS: Readonly<Record<string, string>> = {
  'Awaiting Action': 'd9e4108c446c11de98360015c5e6daf6',
  'Successfully Completed': 'd9e41a3c446c11de98360015c5e6daf6',
  Denied: 'd9e42536446c11de98360015c5e6daf6',
};
