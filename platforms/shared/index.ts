/** Pieces every platform generator needs; they know the SDK, never a particular API. */
export { platformFields } from './fields';
export type { PlatformChoice, PlatformField, PlatformFieldType } from './fields';
export { authorizationOptions } from './authorization-options';
export type { AuthorizationOption } from './authorization-options';
// The n8n generator's model (issue 13): platform-neutral fields and the whole connector. Its
// field type shares a name with fields.ts's, so import it from the module itself.
export { describeFields } from './field-model';
export { describeConnector } from './connector-model';
export type {
  AnyConnector,
  PlatformAuthOption,
  PlatformConnectorModel,
  PlatformOperation,
} from './connector-model';
