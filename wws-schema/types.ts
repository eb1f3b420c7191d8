/**
 * The shape of our own Workday Web Services schema: a subset of Workday's published XSD for the
 * operations this project sends and reads, kept as plain data so that the connector's tests and
 * the sandbox read one copy. `validate.ts` checks documents against it; `xsd.ts` renders it as
 * an XSD for libxml2. See README.md for how to add an operation.
 */

/** `xsd:` simple types the subset uses; each is checked as XSD 1.0 defines its lexical space. */
export type BuiltInType = 'string' | 'boolean' | 'date' | 'dateTime' | 'decimal';

/** How often an element may occur: XSD `minOccurs` / `maxOccurs`. */
export type MaxOccurs = number | 'unbounded';

/** One element of an `xsd:sequence`. Order in the array is the schema's order. */
export interface ElementDecl {
  /** Local name in `urn:com.workday/bsvc`. */
  readonly name: string;
  /** A key of {@link WwsSchema.types} or a built-in type. */
  readonly type: string;
  readonly minOccurs: number;
  readonly maxOccurs: MaxOccurs;
}

/** An attribute; Workday's schema qualifies attributes (`wd:version`, `wd:type`). */
export interface AttributeDecl {
  readonly name: string;
  /** A built-in type or an {@link EnumerationType} key. */
  readonly type: string;
  readonly required?: boolean;
}

/** A complex type whose content is an ordered sequence of child elements. */
export interface SequenceType {
  readonly kind: 'sequence';
  readonly elements: readonly ElementDecl[];
  readonly attributes?: readonly AttributeDecl[];
}

/**
 * A complex type whose content this subset does not describe (the reference gives no sequence
 * for it, and the project neither sends nor reads inside it): any content is accepted.
 */
export interface OpenType {
  readonly kind: 'open';
  /** Why it is open: which fact is missing. */
  readonly reason: string;
}

/**
 * A Workday reference (`*_Reference`): `ID` [0..n], each `<ID wd:type="T">value</ID>` with `T`
 * one of `idTypes`, plus an optional `wd:Descriptor`. IDs scoped to a parent (a ledger account
 * in an account set) carry `wd:parent_id` and a `wd:parent_type` from `parentTypes`.
 */
export interface ReferenceType {
  readonly kind: 'reference';
  readonly idTypes: readonly string[];
  readonly parentTypes?: readonly string[];
}

/** An `xsd:string` restricted to a list of values. */
export interface EnumerationType {
  readonly kind: 'enumeration';
  readonly values: readonly string[];
}

/** Any type of the subset. */
export type TypeDecl = SequenceType | OpenType | ReferenceType | EnumerationType;

/** The schema: global elements (requests, responses, faults) and the types they use. */
export interface WwsSchema {
  readonly namespace: string;
  /** Global element name -> type name. */
  readonly elements: Readonly<Record<string, string>>;
  readonly types: Readonly<Record<string, TypeDecl>>;
}

/** `name` [1..1]. */
export function required(name: string, type: string): ElementDecl {
  return { name, type, minOccurs: 1, maxOccurs: 1 };
}

/** `name` [0..1]. */
export function optional(name: string, type: string): ElementDecl {
  return { name, type, minOccurs: 0, maxOccurs: 1 };
}

/** `name` [0..n]. */
export function repeated(name: string, type: string): ElementDecl {
  return { name, type, minOccurs: 0, maxOccurs: 'unbounded' };
}

/** A sequence type; `attributes` default to none. */
export function sequence(
  elements: readonly ElementDecl[],
  attributes: readonly AttributeDecl[] = [],
): SequenceType {
  return { kind: 'sequence', elements, attributes };
}

/** A reference type allowing `idTypes` (and, for two-part IDs, `parentTypes`). */
export function reference(
  idTypes: readonly string[],
  parentTypes?: readonly string[],
): ReferenceType {
  return parentTypes === undefined
    ? { kind: 'reference', idTypes }
    : { kind: 'reference', idTypes, parentTypes };
}

/** An open type, with the reason the subset does not describe it. */
export function open(reason: string): OpenType {
  return { kind: 'open', reason };
}
