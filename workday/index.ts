/** The Workday layer: knowledge of Workday that actions and triggers share. */
export * from './constants';
export { connectionFields } from './connection-fields';
export type { WorkdayConnection } from './connection-fields';
export { parseWorkdayEndpoints } from './endpoints';
export type { EndpointSettings, WorkdayEndpoints } from './endpoints';
export {
  explainFunctionalArea,
  FUNCTIONAL_AREA_EXPLANATIONS,
  FUNCTIONAL_AREAS,
  RESOURCE_FUNCTIONAL_AREAS,
} from './functional-areas';
export type { FunctionalArea, WorkdayResource } from './functional-areas';
export { parseWorkdayErrorBody } from './rest-errors';
export {
  checkAmount,
  CURRENCY_MINOR_DIGITS,
  DEFAULT_MINOR_DIGITS,
  formatAmount,
  MAX_INTEGER_DIGITS,
  minorDigitsFor,
  parseAmount,
  sumAmounts,
} from './money';
export type { AmountCheck, CheckAmountOptions } from './money';
export {
  isCalendarDate,
  journalInputSchema,
  journalLineSchema,
  journalWorktagSchema,
  validateJournal,
} from './journal';
export type {
  JournalInput,
  JournalWorktag,
  ValidatedJournal,
  ValidatedJournalLine,
} from './journal';
export {
  collectionEnvelopeSchema,
  inboxTaskSchema,
  itemParser,
  parseCollectionEnvelope,
  workdayReferenceSchema,
  workerSchema,
} from './schemas';
export type { CollectionEnvelope, InboxTask, Worker, WorkdayReference } from './schemas';
export { fetchCollection, fetchPage } from './collections';
export type { CollectionResult, FetchCollectionOptions } from './collections';
export * from './soap';
