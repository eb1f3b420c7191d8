/** The Zapier Platform generator: connector object in, Zapier CLI app out. */
export { zapierAppPlan, zapierOptionKeys, ZAPIER_PLATFORM_VERSION } from './app-plan';
export type { RunRef, ZapierAppPlan, ZapierOperationPlan } from './app-plan';
export { renderZapierApp, zapierBundleEntry, ZAPIER_BUNDLE_FILE } from './render-app';
export type { ZapierAppFiles, ZapierPackageInfo } from './render-app';
export { toZapierInputFields, pickListTriggerKey } from './input-fields';
export { toZapierOutputFields } from './output-fields';
export { toZapierAuthFields } from './auth-fields';
