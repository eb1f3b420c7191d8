/** Pieces every platform generator needs; they know the SDK, never a particular API. */
export { platformFields } from './fields';
export type { PlatformChoice, PlatformField, PlatformFieldType } from './fields';
export { authorizationOptions } from './authorization-options';
export type { AuthorizationOption } from './authorization-options';
