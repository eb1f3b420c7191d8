/**
 * Where a session inside n8n gets its access tokens: from n8n's credential store, through n8n's
 * own machinery, so every worker process shares one stored token and a rotated refresh token is
 * saved where the next run (on any worker) reads it.
 */
import { ConnectorError } from '../../../sdk/errors';
import type { TokenSource } from '../../../sdk/runtime';
import type { PlatformAuthOption } from '../../shared';
import { ACCESS_TOKEN, ACCESS_TOKEN_EXPIRES_AT } from '../credential-description';
import { storedToken } from './connection';
import type { CredentialData } from './connection';
import type { N8nContext } from './n8n-context';

/**
 * Marks the request by which a node asks n8n to run the credential's pre-authentication: the
 * credential's `authenticate` refuses it, so it never leaves the process (see below).
 */
export const TOKEN_ONLY_HEADER = 'x-connector-token-only';

/** Why the last pre-authentication for a credential data object failed (the connector's error). */
export const preAuthenticationFailures = new WeakMap<object, unknown>();

/**
 * Refresh-token credentials. n8n runs a credential's `preAuthentication` and saves what it
 * returns only inside `httpRequestWithAuthentication`, when the expirable `accessToken` field is
 * empty; a node has no other way to persist a credential. So `obtain` passes the credential with
 * that field emptied and a marked request: n8n calls `preAuthentication` (the connector's token
 * request), saves the new token (and a rotated refresh token) to its database, then calls the
 * credential's `authenticate`, which throws for the marked request, so nothing is sent.
 */
export function refreshTokenSource(
  context: N8nContext,
  credentialType: string,
  option: PlatformAuthOption,
  data: CredentialData,
): TokenSource {
  const current = storedToken(option, data);
  return {
    ...(current === undefined ? {} : { current }),
    async obtain() {
      const ref = context.getNode().credentials?.[credentialType];
      const working: CredentialData = { ...data, [ACCESS_TOKEN]: '' };
      try {
        await context.helpers.httpRequestWithAuthentication.call(
          context,
          credentialType,
          {
            method: 'GET',
            url: 'http://token-only.invalid/',
            headers: { [TOKEN_ONLY_HEADER]: '1' },
          },
          {
            credentialsDecrypted: {
              id: ref?.id ?? null,
              name: ref?.name ?? credentialType,
              type: credentialType,
              data: working,
            },
          },
        );
      } catch (error: unknown) {
        const failure = preAuthenticationFailures.get(working);
        if (failure !== undefined) throw failure;
        if (working[ACCESS_TOKEN] === '') throw error;
      }
      const token = working[ACCESS_TOKEN];
      if (typeof token !== 'string' || token === '')
        throw new ConnectorError('internal', 'n8n did not run the credential pre-authentication.', {
          hint: 'Check that the credential type of the installed package is the one this node uses.',
        });
      // Later refreshes in this run start from the rotated refresh token.
      Object.assign(data, working);
      const expires = working[ACCESS_TOKEN_EXPIRES_AT];
      return {
        access_token: token,
        ...(typeof expires === 'string' && expires !== '' ? { expires_at: expires } : {}),
      };
    },
  };
}

/** OAuth2 (authorization code) credentials: n8n refreshes and saves `oauthTokenData` itself. */
export function oauth2TokenSource(
  context: N8nContext,
  credentialType: string,
  option: PlatformAuthOption,
  data: CredentialData,
): TokenSource {
  const current = storedToken(option, data);
  return {
    ...(current === undefined ? {} : { current }),
    async obtain() {
      const refresh = context.helpers.refreshOAuth2Token;
      if (refresh === undefined)
        throw new ConnectorError(
          'internal',
          'This n8n version cannot refresh OAuth2 tokens for nodes.',
          {
            hint: 'Use n8n 1.100 or later.',
          },
        );
      const tokens = await refresh.call(context, credentialType);
      const token = tokens.access_token;
      if (typeof token !== 'string' || token === '')
        throw new ConnectorError(
          'reauthorization_required',
          'n8n has no access token for this credential.',
          { hint: 'Open the credential and click "Connect my account" to sign in again.' },
        );
      return { access_token: token };
    },
  };
}
