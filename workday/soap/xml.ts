import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ConnectorError } from '../../sdk/errors';

/**
 * XML reading and writing for Workday Web Services. Parsed documents have namespace prefixes
 * removed (`wd:ID` and `bsvc:ID` are both `ID`; `wd:type` is `@_type`), text kept as strings
 * (IDs like `007` and amounts stay exact), and element text under `#text` when it has attributes.
 */

/** A parsed element: attributes under `@_name`, text under `#text`, children by local name. */
export type XmlObject = { [key: string]: XmlValue };
/** A parsed XML value: text, an element, or repeated elements. */
export type XmlValue = string | XmlObject | XmlValue[];

const MAX_DOCUMENT_CHARS = 20_000_000;

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};
const ENTITY_REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;

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

/**
 * Decodes the five predefined entities and character references in one pass (so `&amp;#65;`
 * stays `&#65;`, never `A`). XML knows no other entities without a DTD, and DTDs are refused;
 * the library's HTML entity table would both cost a pass per value and decode what XML does not.
 */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    ENTITY_REFERENCE,
    (_whole, hex?: string, decimal?: string, named?: string) => {
      if (named !== undefined) return PREDEFINED_ENTITIES[named] ?? '';
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
      if (!isXmlChar(code)) throw new RangeError(`character reference to U+${code.toString(16)}`);
      return String.fromCodePoint(code);
    },
  );
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  processEntities: false,
  tagValueProcessor: (_name, value) => decodeEntities(value),
  attributeValueProcessor: (_name, value) => decodeEntities(value),
});

/**
 * Parses an XML document from the network. Refuses any `<!DOCTYPE` or `<!ENTITY` (no external
 * entities, no entity expansion bombs) and malformed XML.
 * @throws ConnectorError `unexpected_response`
 */
export function parseXml(text: string): XmlObject {
  if (typeof text !== 'string' || text.trim() === '')
    throw new ConnectorError('unexpected_response', 'The XML response is empty.');
  if (text.length > MAX_DOCUMENT_CHARS)
    throw new ConnectorError('unexpected_response', 'The XML response is too large to read.');
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(text)) {
    throw new ConnectorError(
      'unexpected_response',
      'The XML response contains a DOCTYPE or ENTITY declaration, which is refused.',
      {
        hint: 'Workday never sends document type declarations; check that the URL is a Workday service.',
      },
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ConnectorError(
      'unexpected_response',
      `The XML response is malformed (line ${valid.err.line}: ${valid.err.code}).`,
    );
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    throw new ConnectorError('unexpected_response', 'The XML response could not be parsed.', {
      cause: error,
    });
  }
  if (!isXmlObject(parsed))
    throw new ConnectorError('unexpected_response', 'The XML response has no root element.');
  return parsed;
}

/** True for a parsed element (not text, not a list). */
export function isXmlObject(value: unknown): value is XmlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A child or children as a list: absent is `[]`, one element is `[it]`. */
export function asList(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The child elements named `name` (absent: `[]`); text-only children become `{ '#text' }`. */
export function children(node: XmlValue | undefined, name: string): XmlObject[] {
  if (!isXmlObject(node)) return [];
  return asList(node[name]).map((child) =>
    isXmlObject(child) ? child : typeof child === 'string' ? { '#text': child } : {},
  );
}

/** The first child element named `name`, if any. */
export function child(node: XmlValue | undefined, name: string): XmlObject | undefined {
  return children(node, name)[0];
}

/** The text of an element (`<a>x</a>` or `<a b="1">x</a>`); `undefined` when absent or empty. */
export function textOf(node: XmlValue | undefined): string | undefined {
  const value = Array.isArray(node) ? node[0] : node;
  const text = isXmlObject(value) ? value['#text'] : value;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** The text of the first child named `name`. */
export function childText(node: XmlValue | undefined, name: string): string | undefined {
  return isXmlObject(node) ? textOf(node[name]) : undefined;
}

/** An attribute by local name (`type` for `wd:type`). */
export function attribute(node: XmlValue | undefined, name: string): string | undefined {
  if (!isXmlObject(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** An element to write: a name with an optional prefix, attributes and children. */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  /** Strings are text and get escaped; `undefined` children are skipped. */
  children?: ReadonlyArray<XmlElement | string | undefined>;
}

const NAME = /^(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$/;

/** Escapes text or an attribute value for XML (`& < > " '`, tab and line breaks); drops characters XML cannot carry. */
export function escapeXml(value: string): string {
  // XML 1.0 cannot carry most C0 controls at all, even as character references.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return (
    clean
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Parsers normalise raw tabs and line breaks in attributes (and CR in text); references survive.
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
  );
}

/** Renders an element tree; all text and attribute values are escaped. */
export function renderXml(element: XmlElement): string {
  if (!NAME.test(element.name))
    throw new ConnectorError('internal', `The XML element name "${element.name}" is invalid.`);
  let attrs = '';
  for (const [key, value] of Object.entries(element.attributes ?? {})) {
    if (value === undefined) continue;
    if (!NAME.test(key))
      throw new ConnectorError('internal', `The XML attribute name "${key}" is invalid.`);
    attrs += ` ${key}="${escapeXml(value)}"`;
  }
  const content = (element.children ?? [])
    .map((part) =>
      part === undefined ? '' : typeof part === 'string' ? escapeXml(part) : renderXml(part),
    )
    .join('');
  return content === ''
    ? `<${element.name}${attrs}/>`
    : `<${element.name}${attrs}>${content}</${element.name}>`;
}
