/** The connector SDK: typings, errors, schema export, redaction, HTTP client, OAuth 2.0 and runtime. */
export * from './define';
export * from './errors';
export * from './schema';
export { createRedactor, isSensitiveKey, REDACTED } from './redact';
export type { Redactor } from './redact';
export * from './http';
export * from './oauth2';
export * from './runtime';
