/** Magic numbers and defaults of the Workday layer, each with where it comes from. */

/** Default SOAP (WWS) version for Financial_Management; production clients use v45.0 (workday-payloads.md §4(e)). */
export const DEFAULT_SOAP_VERSION = 'v45.0';

/** Workday WWS versions look like `v45.0` / `v44.2`. */
export const SOAP_VERSION_PATTERN = /^v\d{2}\.\d$/;

/** A REST service name in `/ccx/api/{service}/{version}/{tenant}`, e.g. `common`, `coreAccounting`. */
export const REST_SERVICE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/** A REST service version in `/ccx/api/{service}/{version}/{tenant}`, e.g. `v1`. */
export const REST_VERSION_PATTERN = /^v\d+$/;

/**
 * Workday IDs as a path segment: a 32-hex WID, an `N$N` internal id or a `Type=Value` reference
 * (workday-payloads.md §1). `me` (the connected user) matches too.
 */
export const WORKDAY_ID_PATTERN = /^[A-Za-z0-9$=_-]+$/;

/** REST collections: "The default is 20. The maximum is 100." (workday-api.md §5). */
export const MAX_REST_PAGE_SIZE = 100;

/** Parallel page fetches per connection unless the connection says otherwise. */
export const DEFAULT_MAX_CONCURRENCY = 4;

/** Upper bound of `max_concurrency`; more would look like abuse to a tenant with unknown rate limits. */
export const MAX_CONCURRENCY_LIMIT = 16;

/** Loopback address `connector oauth2` listens on for the authorization-code redirect. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:45555/oauth/callback';

/** The account set of journal lines and of the ledger-account pick list unless told otherwise. */
export const DEFAULT_ACCOUNT_SET = 'Standard';

/** SOAP `Count` per page; consumers use up to 999 (workday-payloads.md §5). */
export const SOAP_PAGE_COUNT = 100;

/** The WWS namespace bound to the `bsvc` prefix. */
export const BSVC_NAMESPACE = 'urn:com.workday/bsvc';

/** The SOAP 1.1 envelope namespace. */
export const SOAP_ENV_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/**
 * Submit_Accounting_Journal refuses a journal with more lines: "The Submit Accounting Journal WS
 * does not accept journals with more than 1000 journal lines." (workday-soap-schema.md).
 */
export const SUBMIT_JOURNAL_MAX_LINES = 1000;
