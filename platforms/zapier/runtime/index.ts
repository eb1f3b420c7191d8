/** What the generated Zapier app's bundle exports besides the connector. */
export { createZapierRuntime, MAX_POLLS_PER_RUN } from './create-runtime';
export type { ZapierRuntime } from './create-runtime';
export type { Bundle, ZObject } from './zapier-interfaces';
