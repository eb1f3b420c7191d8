/**
 * Minimal, safe XML reading for SOAP requests. Requests with a DTD or entity declaration are
 * refused before parsing (no entity expansion, no XXE); only the five predefined entities and
 * character references are decoded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed element: child elements as arrays under their local names, `@_name` attributes, `#text`. */
export type XmlElement = Readonly<Record<string, unknown>>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  // Every element is an array, so positions (for Xpath) and repeats read the same way.
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Decodes predefined entities and character references; leaves anything else as written. */
export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return PREDEFINED[name] ?? whole;
  });
}

/** Escapes text for element content and double-quoted attribute values (apostrophes stay, as in Workday's faults). */
export function escapeXml(value: string): string {
  return value.replace(/[<>&"]/g, (ch) =>
    ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : '&quot;',
  );
}

/** The Char production of XML 1.0 §2.2. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Why an XML document was refused. */
export class XmlRefusedError extends Error {
  override name = 'XmlRefusedError';
}

/** Parses a document; throws XmlRefusedError for DTDs, entity declarations or malformed XML. */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new XmlRefusedError('DTDs and entity declarations are not allowed in requests.');
  }
  // Values are decoded lazily, deep in the operations: refuse references to code points that do
  // not exist (beyond U+10FFFF, surrogates, NUL) here, as the Client fault they are.
  for (const match of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const ref = match[1] ?? '';
    const code = ref.startsWith('x') ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10);
    if (!isXmlChar(code))
      throw new XmlRefusedError(
        `The character reference "&#${ref};" is not a valid XML character.`,
      );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlRefusedError(`The request is not well-formed XML (line ${valid.err.line}).`);
  }
  const parsed: unknown = parser.parse(text);
  if (typeof parsed !== 'object' || parsed === null) {
    throw new XmlRefusedError('The request is not an XML document.');
  }
  return parsed as XmlElement;
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child elements with a local name, in document order. */
export function children(element: XmlElement, name: string): XmlElement[] {
  const value = element[name];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** The first child element with a local name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return children(element, name)[0];
}

/** The element's decoded text content. */
export function text(element: XmlElement | undefined): string {
  const value = element?.['#text'];
  return typeof value === 'string' ? decodeXmlText(value) : '';
}

/** The decoded text of the first child element, or undefined when there is none. */
export function childText(element: XmlElement, name: string): string | undefined {
  const found = child(element, name);
  return found === undefined ? undefined : text(found);
}

/** An attribute by local name. */
export function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === 'string' ? decodeXmlText(value) : undefined;
}

/** Local names of the element's child elements, in document order. */
export function childNames(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => !key.startsWith('@_') && !key.startsWith('#'));
}
