/**
 * From what n8n stores in a credential to the connector's connection settings, and back:
 * the refresh-token credential holds the connection fields under their own names, the OAuth2
 * credential holds some of them under n8n's names and the tokens in `oauthTokenData`.
 */
import type { PlatformAuthOption, PlatformConnectorModel } from '../../shared';
import { ACCESS_TOKEN, ACCESS_TOKEN_EXPIRES_AT, OAUTH2_FIELDS } from '../credential-description';

/** Credential data read back from n8n. */
export type CredentialData = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The connection settings a credential stands for (empty text counts as not set). */
export function connectionOf(
  model: PlatformConnectorModel,
  option: PlatformAuthOption,
  data: CredentialData,
): Record<string, unknown> {
  const renamed = new Map<string, string>();
  if (option.grant === 'authorization_code')
    for (const [key, n8nName] of Object.entries(OAUTH2_FIELDS)) {
      const field = option.fieldNames[key as keyof typeof OAUTH2_FIELDS];
      if (field !== undefined) renamed.set(field, n8nName);
    }
  const connection: Record<string, unknown> = {};
  for (const field of model.connectionFields) {
    const value = data[renamed.get(field.name) ?? field.name];
    if (value === undefined || value === null || value === '') continue;
    connection[field.name] = value;
  }
  if (model.selectorField !== undefined) connection[model.selectorField] = option.key;
  const refreshField = option.fieldNames.refresh_token;
  if (option.grant === 'authorization_code' && refreshField !== undefined) {
    const tokens = data.oauthTokenData;
    const refresh = isRecord(tokens) ? tokens.refresh_token : undefined;
    if (typeof refresh === 'string' && refresh !== '') connection[refreshField] = refresh;
  }
  return connection;
}

/** The access token n8n stored with a credential, if any. */
export function storedToken(
  option: PlatformAuthOption,
  data: CredentialData,
): { access_token: string; expires_at?: string } | undefined {
  if (option.grant === 'authorization_code') {
    const tokens = data.oauthTokenData;
    const token = isRecord(tokens) ? tokens.access_token : undefined;
    return typeof token === 'string' && token !== '' ? { access_token: token } : undefined;
  }
  const token = data[ACCESS_TOKEN];
  if (typeof token !== 'string' || token === '') return undefined;
  const expires = data[ACCESS_TOKEN_EXPIRES_AT];
  return {
    access_token: token,
    ...(typeof expires === 'string' && expires !== '' ? { expires_at: expires } : {}),
  };
}
