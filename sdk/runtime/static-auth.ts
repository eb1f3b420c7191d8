import { ConnectorError } from '../errors';
import type { ApiKeyAuthorization, AppliedCredentials, BasicAuthorization } from '../define';
import type { AuthHooks } from '../http';
import type { Redactor } from '../redact';

/** Every header and query value `applied` sends, for the redactor. */
function valuesOf(applied: AppliedCredentials): string[] {
  return [...Object.values(applied.headers ?? {}), ...Object.values(applied.query ?? {})];
}

/**
 * HTTP-client hooks for an authorization whose credentials never change during a session
 * (`basic_auth`, `api_key`). There is nothing to renew: a 401 is final, so `renew` fails with
 * `unauthorized` instead of sending the same credentials again.
 */
export function createStaticAuthHooks<C>(
  auth: BasicAuthorization<C> | ApiKeyAuthorization<C>,
  connection: C,
  redactor: Redactor,
): AuthHooks {
  const applied: AppliedCredentials =
    auth.type === 'basic_auth'
      ? {
          headers: {
            // RFC 7617: the user-id and password joined by a colon, UTF-8, base64; not the
            // form-encoded variant RFC 6749 §2.3.1 uses for OAuth clients.
            Authorization: `Basic ${Buffer.from(`${auth.username(connection)}:${auth.password(connection)}`, 'utf8').toString('base64')}`,
            ...(auth.apply?.(connection).headers ?? {}),
          },
          ...(auth.apply?.(connection).query === undefined
            ? {}
            : { query: auth.apply(connection).query }),
        }
      : auth.apply(connection);
  if (auth.type === 'basic_auth') redactor.add(auth.password(connection));
  else for (const secret of auth.secrets?.(connection) ?? []) redactor.add(secret);
  for (const value of valuesOf(applied)) redactor.add(value);
  // The credential handed back to `renew`; any stable value of this authorization will do.
  const credential = valuesOf(applied).join('\n');
  return {
    authenticate: () =>
      Promise.resolve({
        ...(applied.headers === undefined ? {} : { headers: applied.headers }),
        ...(applied.query === undefined ? {} : { query: applied.query }),
        credential,
      }),
    renew: () =>
      Promise.reject(
        new ConnectorError(
          'unauthorized',
          auth.type === 'basic_auth'
            ? 'The API rejected the username and password (401).'
            : 'The API rejected the API key (401).',
          {
            hint:
              auth.type === 'basic_auth'
                ? 'Check the username and password, and that the account is active and allowed to use the API.'
                : 'Check the API key, and that it belongs to this environment.',
            details: { status: 401 },
          },
        ),
      ),
    refreshOn: [401],
    ...(auth.detect_on === undefined ? {} : { detectOn: auth.detect_on }),
  };
}
