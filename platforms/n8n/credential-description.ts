/**
 * The n8n credential types, one per authorization option. A refresh-token option becomes a
 * custom credential whose hidden, expirable `accessToken` n8n fills through the credential's
 * `preAuthentication`; an authorization-code option extends n8n's own `oAuth2Api` (PKCE), with
 * the connector's client and endpoint fields in n8n's names so n8n runs the sign-in and refresh.
 * A `basic_auth` or `api_key` option becomes a plain custom credential of the connection fields:
 * no token to keep, the node's session sends what the connector's `apply` says.
 */
import type { PlatformAuthOption, PlatformConnectorModel } from '../shared';
import type { PlatformField } from '../shared/field-model';
import type { N8nNames } from './naming';
import type { N8nCredentialDescription, N8nProperty } from './n8n-types';
import { toN8nProperty } from './properties';

/** The hidden field n8n's pre-authentication fills and clears (expirable). */
export const ACCESS_TOKEN = 'accessToken';
/** When the stored access token expires (ISO), so a run refreshes before a 401. */
export const ACCESS_TOKEN_EXPIRES_AT = 'accessTokenExpiresAt';

/** n8n's oAuth2Api field for each OAuth value the connector's `field_names` points at. */
export const OAUTH2_FIELDS = {
  client_id: 'clientId',
  client_secret: 'clientSecret',
  authorization_url: 'authUrl',
  token_url: 'accessTokenUrl',
} as const;

/** Connection fields a credential form shows for one option (the selector is implied). */
function formFields(model: PlatformConnectorModel, option: PlatformAuthOption): PlatformField[] {
  const dropped = new Set<string>();
  if (model.selectorField !== undefined) dropped.add(model.selectorField);
  if (option.grant === 'authorization_code') {
    // n8n obtains and keeps these itself (oauthTokenData, its own callback URL).
    if (option.fieldNames.refresh_token !== undefined) dropped.add(option.fieldNames.refresh_token);
    if (option.fieldNames.redirect_uri !== undefined) dropped.add(option.fieldNames.redirect_uri);
  } else if (option.fieldNames.authorization_url !== undefined) {
    dropped.add(option.fieldNames.authorization_url);
  }
  return model.connectionFields.filter((field) => !dropped.has(field.name));
}

function credentialProperty(field: PlatformField, name: string): N8nProperty {
  const property = toN8nProperty(field, name);
  // Credential forms have no "additional fields": optional ones are plain, not required.
  if (field.secret) property.typeOptions = { ...property.typeOptions, password: true };
  return property;
}

/** The credential n8n stores for a refresh-token option. */
function refreshTokenCredential(
  model: PlatformConnectorModel,
  option: PlatformAuthOption,
  names: N8nNames,
): N8nCredentialDescription {
  const credential = names.credentials[option.key] ?? { className: '', name: option.key };
  return {
    name: credential.name,
    displayName: `${model.title}: ${option.title}`,
    icon: `file:${names.iconFile}`,
    properties: [
      ...formFields(model, option).map((field) => credentialProperty(field, field.name)),
      {
        displayName: 'Access Token',
        name: ACCESS_TOKEN,
        type: 'hidden',
        default: '',
        typeOptions: { expirable: true, password: true },
      },
      {
        displayName: 'Access Token Expires At',
        name: ACCESS_TOKEN_EXPIRES_AT,
        type: 'hidden',
        default: '',
      },
    ],
  };
}

/** The credential n8n stores for an authorization-code option: n8n's OAuth2 with PKCE. */
function authorizationCodeCredential(
  model: PlatformConnectorModel,
  option: PlatformAuthOption,
  names: N8nNames,
): N8nCredentialDescription {
  const credential = names.credentials[option.key] ?? { className: '', name: option.key };
  const renamed = new Map<string, string>();
  for (const [key, n8nName] of Object.entries(OAUTH2_FIELDS)) {
    const field = option.fieldNames[key as keyof typeof OAUTH2_FIELDS];
    if (field !== undefined) renamed.set(field, n8nName);
  }
  return {
    name: credential.name,
    displayName: `${model.title}: ${option.title}`,
    extends: ['oAuth2Api'],
    icon: `file:${names.iconFile}`,
    properties: [
      {
        displayName: 'Grant Type',
        name: 'grantType',
        type: 'hidden',
        default: option.pkce ? 'pkce' : 'authorizationCode',
      },
      ...formFields(model, option).map((field) =>
        credentialProperty(field, renamed.get(field.name) ?? field.name),
      ),
      // The connector sends no scope: the API's scopes are fixed on its client registration.
      { displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
      {
        displayName: 'Auth URI Query Parameters',
        name: 'authQueryParameters',
        type: 'hidden',
        default: '',
      },
      { displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
    ],
  };
}

/** The credential n8n stores for a `basic_auth` or `api_key` option: the connection fields. */
function staticCredential(
  model: PlatformConnectorModel,
  option: PlatformAuthOption,
  names: N8nNames,
): N8nCredentialDescription {
  const credential = names.credentials[option.key] ?? { className: '', name: option.key };
  return {
    name: credential.name,
    displayName: `${model.title}: ${option.title}`,
    icon: `file:${names.iconFile}`,
    properties: formFields(model, option).map((field) => credentialProperty(field, field.name)),
  };
}

/** One credential description per authorization option, keyed by option key. */
export function describeCredentials(
  model: PlatformConnectorModel,
  names: N8nNames,
): Record<string, N8nCredentialDescription> {
  return Object.fromEntries(
    model.authOptions.map((option) => [
      option.key,
      option.type !== 'oauth2'
        ? staticCredential(model, option, names)
        : option.grant === 'authorization_code'
          ? authorizationCodeCredential(model, option, names)
          : refreshTokenCredential(model, option, names),
    ]),
  );
}
