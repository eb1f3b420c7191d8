export { buildAuthorizationUrl, pkceChallenge, randomToken } from './authorization-url';
export type { AuthorizationRequest, AuthorizationUrlOptions } from './authorization-url';
export { basicCredentials, formUrlEncode, tokenEndpointRequest } from './token-request';
export type { TokenEndpointOptions, TokenEndpointResponse } from './token-request';
export { oauthEndpointError, processTokenResponse } from './token-response';
export {
  clientCredentialsGrant,
  exchangeAuthorizationCode,
  passwordGrant,
  refreshTokenGrant,
} from './grants';
export { revokeToken } from './revoke';
export type { RevokeTokenOptions } from './revoke';
