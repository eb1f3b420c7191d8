/** Reading Workday `*_Reference` elements (`<ID type="...">`) and writing them back. */
import type { SoapValidationIssue } from '../errors';
import { attribute, children, text } from './xml';
import type { XmlElement } from './xml';
import { escapeXml } from './xml';

/** Resolves one ID value of a given type; the ID element is passed for `parent_id` checks. */
export type IdResolver<T> = (value: string, id: XmlElement, xpath: string) => T | undefined;

/** Workday's message for an unknown reference ID (workday-payloads.md §4(a)). */
export function invalidIdMessage(value: string, type: string): string {
  return `Invalid ID value. '${value}' is not a valid ID value for type = '${type}'`;
}

/** Guess: Workday's text for a missing required element is not public. */
export function requiredMessage(element: string): string {
  return `Element '${element}' is required.`;
}

/**
 * Resolves a reference with the first of its IDs whose type has a resolver. Pushes a
 * Validation_Error (and returns undefined) when it is missing or unknown.
 */
export function resolveReference<T>(
  reference: XmlElement | undefined,
  name: string,
  xpath: string,
  resolvers: Readonly<Record<string, IdResolver<T>>>,
  issues: SoapValidationIssue[],
): T | undefined {
  if (reference === undefined) {
    issues.push({ message: requiredMessage(name), xpath });
    return undefined;
  }
  const ids = children(reference, 'ID');
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i]!;
    const type = attribute(id, 'type') ?? '';
    const resolver = resolvers[type];
    if (resolver === undefined) continue;
    const idXpath = `${xpath}/bsvc:ID[${i + 1}]`;
    const value = text(id);
    const before = issues.length;
    const found = resolver(value, id, idXpath);
    if (found === undefined && issues.length === before) {
      issues.push({ message: invalidIdMessage(value, type), xpath: idXpath });
    }
    return found;
  }
  const first = ids[0];
  if (first === undefined) {
    issues.push({ message: requiredMessage('ID'), xpath: `${xpath}/bsvc:ID[1]` });
  } else {
    const type = attribute(first, 'type') ?? '';
    issues.push({
      message: `'${type}' is not a valid ID type for ${name}`,
      xpath: `${xpath}/bsvc:ID[1]`,
    });
  }
  return undefined;
}

/** Renders `<wd:NAME wd:Descriptor="..."><wd:ID wd:type="...">...</wd:ID>...</wd:NAME>`. */
export function renderReference(
  name: string,
  ids: readonly (readonly [type: string, value: string, parent?: readonly [string, string]])[],
  descriptor?: string,
): string {
  const descriptorAttribute =
    descriptor === undefined ? '' : ` wd:Descriptor="${escapeXml(descriptor)}"`;
  const rendered = ids
    .map(([type, value, parent]) => {
      const parentAttributes =
        parent === undefined
          ? ''
          : ` wd:parent_id="${escapeXml(parent[1])}" wd:parent_type="${escapeXml(parent[0])}"`;
      return `<wd:ID wd:type="${escapeXml(type)}"${parentAttributes}>${escapeXml(value)}</wd:ID>`;
    })
    .join('');
  return `<wd:${name}${descriptorAttribute}>${rendered}</wd:${name}>`;
}

/** `<wd:NAME>text</wd:NAME>` with the text escaped. */
export function element(name: string, value: string): string {
  return `<wd:${name}>${escapeXml(value)}</wd:${name}>`;
}

/** Guess: Workday writes booleans in responses as 1/0. */
export function booleanElement(name: string, value: boolean): string {
  return element(name, value ? '1' : '0');
}
