/**
 * Our own subset of Workday's Web Services schema (namespace `urn:com.workday/bsvc`), as data,
 * with a strict validator. Read by the sandbox (it refuses what Workday's schema refuses) and by
 * the connector's tests (every request builder's output must pass). It imports nothing of the
 * connector or the sandbox. README.md says how to add an operation.
 */
import { COMMON_ELEMENTS, COMMON_TYPES } from './common';
import { FINANCIAL_MANAGEMENT_ELEMENTS, FINANCIAL_MANAGEMENT_TYPES } from './financial-management';
import { INTEGRATIONS_ELEMENTS, INTEGRATIONS_TYPES } from './integrations';
import type { TypeDecl, WwsSchema } from './types';

/** Workday's web-service namespace. */
export const WWS_NAMESPACE = 'urn:com.workday/bsvc';

/** One service's part of the schema: its global elements and types. */
interface SchemaPart {
  elements: Readonly<Record<string, string>>;
  types: Readonly<Record<string, TypeDecl>>;
}

/** Joins the parts; a name defined twice is a mistake (one would silently win), so it throws. */
function merge(parts: readonly SchemaPart[]): WwsSchema {
  const elements: Record<string, string> = {};
  const types: Record<string, TypeDecl> = {};
  for (const part of parts) {
    for (const [name, type] of Object.entries(part.elements)) {
      if (name in elements) throw new Error(`The element "${name}" is defined twice.`);
      elements[name] = type;
    }
    for (const [name, type] of Object.entries(part.types)) {
      if (name in types) throw new Error(`The type "${name}" is defined twice.`);
      types[name] = type;
    }
  }
  return { namespace: WWS_NAMESPACE, elements, types };
}

/** Every operation of the subset, all services together (one namespace, one set of names). */
export const WWS_SCHEMA: WwsSchema = merge([
  { elements: COMMON_ELEMENTS, types: COMMON_TYPES },
  { elements: FINANCIAL_MANAGEMENT_ELEMENTS, types: FINANCIAL_MANAGEMENT_TYPES },
  { elements: INTEGRATIONS_ELEMENTS, types: INTEGRATIONS_TYPES },
]);

export { validateWwsDocument, validateWwsElement } from './validate';
export type { WwsIssue, WwsValidation } from './validate';
export { renderXsd } from './xsd';
export { WORKTAG_ID_TYPES } from './worktag-types';
export type { WorktagIdType } from './worktag-types';
export type * from './types';
