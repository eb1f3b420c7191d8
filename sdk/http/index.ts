export { createHttpClient, DEFAULT_RETRY_POLICY } from './client';
export { resolveUrl } from './resolve-url';
export { parseRetryAfter } from './retry-timing';
export { matchesResponse } from './matchers';
export { bodyWords, clipWords, MAX_BODY_WORDS_CHARS } from './body-words';
export type {
  AppliedAuth,
  AuthHooks,
  ConnectorHttpClient,
  ErrorBodyReader,
  Exchange,
  HttpClientOptions,
  RetryPolicy,
} from './types';
