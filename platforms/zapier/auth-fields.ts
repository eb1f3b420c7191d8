import type { PlatformField } from '../shared';
import { toZapierInputFields } from './input-fields';
import type { ZapierInputField } from './zapier-types';

/** The Zapier authentication kinds the generator writes (see `zapierAuthTypeOf`). */
export type ZapierAuthType = 'session' | 'oauth2' | 'basic' | 'custom';

/**
 * Keys Zapier keeps for itself in an OAuth2 authentication: it stores `access_token` and
 * `refresh_token` from `getAccessToken`, and refuses `client_id` and `client_secret` as form
 * keys. Connection fields with these names are left off the form (tokens) or renamed (client).
 */
const OAUTH2_TOKEN_KEYS: ReadonlySet<string> = new Set(['access_token', 'refresh_token']);
const OAUTH2_RESERVED_KEYS: ReadonlySet<string> = new Set(['client_id', 'client_secret']);

/** Computed authData keys the session perform writes. */
export const SESSION_TOKEN_FIELDS = ['access_token', 'access_token_expires_at'] as const;

/** The authData key that holds connection field `key` in an app of `type`. */
export function authDataKey(type: ZapierAuthType, key: string): string {
  return type === 'oauth2' && OAUTH2_RESERVED_KEYS.has(key) ? `connection_${key}` : key;
}

/**
 * The connection fields shown on the authentication form: all of them but the field that selects
 * the authorization option (fixed per app), and for OAuth2 the tokens Zapier obtains itself.
 */
export function formConnectionFields(
  type: ZapierAuthType,
  fields: readonly PlatformField[],
  selectorField: string | undefined,
): PlatformField[] {
  return fields
    .filter((field) => field.key !== selectorField)
    .filter((field) => !(type === 'oauth2' && OAUTH2_TOKEN_KEYS.has(field.key)));
}

/** The `authentication.fields` of the app. */
export function toZapierAuthFields(
  type: ZapierAuthType,
  fields: readonly PlatformField[],
  selectorField: string | undefined,
): ZapierInputField[] {
  const shown = formConnectionFields(type, fields, selectorField).map((field) => ({
    ...field,
    key: authDataKey(type, field.key),
  }));
  // Auth forms hold scalars only; the connection form is flat by design.
  const form = toZapierInputFields(shown).map(({ dynamic: _dynamic, ...field }) => field);
  // Only a session perform computes tokens; the other kinds keep none or their own (OAuth2).
  if (type !== 'session') return form;
  return [
    ...form,
    ...SESSION_TOKEN_FIELDS.map((key) => ({
      key,
      label: key === 'access_token' ? 'Access token' : 'Access token expires at',
      required: false,
      type: key === 'access_token' ? ('password' as const) : ('string' as const),
      computed: true,
    })),
  ];
}
