export { createSession } from './session';
export type { PollOutcome, Session, SessionOptions } from './session';
export { createTokenManager, HOST_RENEWAL } from './token-manager';
export type {
  StoredTokens,
  TokenManager,
  TokenManagerOptions,
  TokenRenewal,
  TokenUpdate,
} from './token-manager';
export { issuesOf, parseWith } from './validate';
export type { ValidationTarget } from './validate';
export { selectAuthorization, selectOAuth2Authorization } from './select-authorization';
export { createStaticAuthHooks } from './static-auth';
export { retryPolicyOf } from './action-retry';
