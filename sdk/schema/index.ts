import './field-meta';

export type { FieldMeta } from './field-meta';
export { toWorkatoFields, labelize } from './workato-fields';
export type { WorkatoField, WorkatoFieldType } from './workato-fields';
export { toJsonSchema } from './json-schema';
export type { JsonSchemaOptions } from './json-schema';
export { secretFieldNames } from './secret-fields';
export { unwrapSchema } from './zod-walk';
export type { UnwrappedSchema } from './zod-walk';
export { findUnknownKeys } from './unknown-keys';
export type { UnknownKey } from './unknown-keys';
