/** Magic numbers and defaults of the Workday layer, each with where it comes from. */

/** Default SOAP (WWS) version for Financial_Management; production clients use v45.0 (workday-payloads.md §4(e)). */
export const DEFAULT_SOAP_VERSION = 'v45.0';

/** Workday WWS versions look like `v45.0` / `v44.2`. */
export const SOAP_VERSION_PATTERN = /^v\d{2}\.\d$/;

/** REST collections: "The default is 20. The maximum is 100." (workday-api.md §5). */
export const MAX_REST_PAGE_SIZE = 100;

/** Parallel page fetches per connection unless the connection says otherwise. */
export const DEFAULT_MAX_CONCURRENCY = 4;

/** Upper bound of `max_concurrency`; more would look like abuse to a tenant with unknown rate limits. */
export const MAX_CONCURRENCY_LIMIT = 16;

/** Loopback address `connector oauth2` listens on for the authorization-code redirect. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:45555/oauth/callback';

/** SOAP `Count` per page; consumers use up to 999 (workday-payloads.md §5). */
export const SOAP_PAGE_COUNT = 100;

/** The WWS namespace bound to the `bsvc` prefix. */
export const BSVC_NAMESPACE = 'urn:com.workday/bsvc';

/** The SOAP 1.1 envelope namespace. */
export const SOAP_ENV_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
