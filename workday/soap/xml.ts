import { SaxesParser } from 'saxes';
import { ConnectorError, isConnectorError } from '../../sdk/errors';

/**
 * XML reading and writing for Workday Web Services. Parsed documents have namespace prefixes
 * removed (`wd:ID` and `bsvc:ID` are both `ID`; `wd:type` is `@_type`), text kept as strings
 * (IDs like `007` and amounts stay exact), and element text under `#text` when it has attributes.
 *
 * Reading is one pass of `saxes`, a strict parser that refuses anything not well-formed (a
 * truncated body, a second root, junk after the root). The tree it builds is the one
 * fast-xml-parser 5 produced with `removeNSPrefix`, `@_` attributes, `#text`, `trimValues` and no
 * value parsing, which the rest of `workday/soap` was written against;
 * `test/workday/soap/xml-differential.test.ts` holds the two side by side.
 */

/** A parsed element: attributes under `@_name`, text under `#text`, children by local name. */
export type XmlObject = { [key: string]: XmlValue };
/** A parsed XML value: text, an element, or repeated elements. */
export type XmlValue = string | XmlObject | XmlValue[];

const MAX_DOCUMENT_CHARS = 20_000_000;
/**
 * An element that is not self-closing is refused when this many elements are already open around
 * it: fast-xml-parser's `maxNestedTags` guard, kept so that the same documents are accepted.
 */
const MAX_OPEN_ELEMENTS = 100;
/** Longest parser message quoted in an error (it can name an element from the response). */
const MAX_REASON_CHARS = 120;

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};
const ENTITY_REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;

/** Element names that would reach `Object.prototype`; refused as fast-xml-parser did. */
const REFUSED_ELEMENT_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/** Element names that shadow `Object.prototype` methods; read as `__name`, as fast-xml-parser did. */
const RENAMED_ELEMENT_NAMES = new Set([
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

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
 * stays `&#65;`, never `A`). XML knows no other entities without a DTD, and DTDs are refused.
 * The parser has already refused any other entity name and any reference to a code point XML
 * forbids; the check here only keeps this function safe on its own.
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

/**
 * Raw source text with its line breaks normalised (XML §2.11: `\r\n` and `\r` are `\n`). Done
 * on each slice of the source as it is taken, before any comment in it is dropped, so that a CR
 * and an LF on both sides of a comment stay two line breaks.
 */
function sourceText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

/**
 * Character data as it is stored: literal white space at both ends trimmed, then references
 * decoded. Trimming before decoding keeps white space that was written as a reference (`&#9;`,
 * which `escapeXml` writes for tabs and line breaks).
 */
function characterData(raw: string): string {
  const trimmed = raw.trim();
  return trimmed === '' ? '' : decodeEntities(trimmed);
}

/** `wd:Journal` -> `Journal`: everything after the first colon. */
function elementKey(qualifiedName: string): string {
  const local = qualifiedName.slice(qualifiedName.indexOf(':') + 1);
  if (REFUSED_ELEMENT_NAMES.has(local)) {
    throw new ConnectorError('unexpected_response', 'The XML response could not be parsed.', {
      cause: new Error(`The element name "${local}" is reserved.`),
    });
  }
  return RENAMED_ELEMENT_NAMES.has(local) ? `__${local}` : local;
}

/**
 * `wd:type` -> `@_type`. Namespace declarations (`xmlns`, `xmlns:wd`) are dropped, and so is a
 * name with an empty local part; a name with two colons is kept whole.
 */
function attributeKey(qualifiedName: string): string | undefined {
  // indexOf rather than split: this runs for every attribute of every response.
  const first = qualifiedName.indexOf(':');
  const prefix = first === -1 ? qualifiedName : qualifiedName.slice(0, first);
  if (prefix === 'xmlns') return undefined;
  const twoParts = first !== -1 && qualifiedName.indexOf(':', first + 1) === -1;
  const local = twoParts ? qualifiedName.slice(first + 1) : qualifiedName;
  return local === '' ? undefined : `@_${local}`;
}

/** An element being read. */
interface OpenElement {
  key: string;
  children: XmlObject;
  /** Its text so far: trimmed character data and CDATA sections, in document order. */
  text: string;
  /** Its attributes by key, in document order; a repeated key keeps its last value. */
  attributes: Array<[string, string]>;
}

/** The value an element is read as: text alone is a string, an empty element `''`. */
function elementValue({ children, text, attributes }: OpenElement): XmlValue {
  if (attributes.length === 0 && !hasKeys(children)) return text;
  if (text !== '') children['#text'] = text;
  for (const [key, value] of attributes) children[key] = value;
  return children;
}

/** True when the object has an own key (cheaper than `Object.keys(...).length`). */
function hasKeys(object: XmlObject): boolean {
  for (const _key in object) return true;
  return false;
}

function addChild(parent: OpenElement, key: string, value: XmlValue): void {
  const siblings = parent.children;
  if (!Object.prototype.hasOwnProperty.call(siblings, key)) {
    siblings[key] = value;
    return;
  }
  const existing = siblings[key];
  if (Array.isArray(existing)) existing.push(value);
  else if (existing !== undefined) siblings[key] = [existing, value];
}

/** A comment or a processing instruction inside a run of character data. */
const COMMENT_OR_PI = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;

/**
 * The text a run of raw character data adds to its element. A comment inside the run is dropped
 * and does not split it (`x <!--c--> y` is `x  y`); a processing instruction splits it into runs
 * trimmed on their own (`x <?p?> y` is `xy`), as fast-xml-parser read them.
 */
function runText(raw: string): string {
  if (!raw.includes('<')) return characterData(raw);
  let text = '';
  let run = '';
  let from = 0;
  for (const markup of raw.matchAll(COMMENT_OR_PI)) {
    run += raw.slice(from, markup.index);
    from = markup.index + markup[0].length;
    if (markup[0].startsWith('<?')) {
      text += characterData(run);
      run = '';
    }
  }
  return text + characterData(run + raw.slice(from));
}

/** True for an error `saxes` raised about the document (it throws plain `Error`s). */
function isParserError(error: unknown): error is Error {
  return error instanceof Error && Object.getPrototypeOf(error) === Error.prototype;
}

/**
 * Builds the tree with one `saxes` pass. Text and attribute values are taken from the source
 * (`parser.position` is an index into `text`, since the whole document is one chunk) rather than
 * from the parser's decoded strings, so that white space is trimmed before references are
 * decoded and only line breaks are normalised, as before.
 *
 * Only five handlers are registered, on purpose: `on()` stores a handler under a computed property
 * name, and from the eighth one V8 turned the parser into a slow dictionary object (measured: 36
 * µs per Get_Journals page with 7 handlers, 220 µs with 8). Comments and processing instructions
 * are therefore found in the raw text of a run, and parser errors are thrown, not handled.
 */
function readTree(text: string): XmlObject {
  const parser = new SaxesParser({ position: false });
  const document: OpenElement = { key: '', children: {}, text: '', attributes: [] };
  const open: OpenElement[] = [document];
  const current = (): OpenElement => open[open.length - 1] ?? document;
  /** Where the raw character data not yet taken starts: past the last tag or CDATA section. */
  let dataStart = 0;
  /** Raw character data (with any comments and PIs in it) since the last tag or CDATA section. */
  let pending = '';
  let attributes: Array<[string, string]> = [];

  const flushText = (): void => {
    if (pending === '') return;
    const value = runText(pending);
    pending = '';
    if (value !== '' && open.length > 1) current().text += value;
  };

  parser.on('text', () => {
    // Emitted at each `<` that ends a run, including a comment's or PI's. Outside the root
    // element there is only white space, comments and PIs, which are not kept.
    if (open.length === 1) return;
    const end = parser.position - 1;
    pending += sourceText(text, dataStart, end);
    dataStart = end;
  });
  parser.on('attribute', ({ name }) => {
    const key = attributeKey(name);
    if (key === undefined) return;
    // Emitted at the closing quote; the value cannot contain that quote, so it starts after the
    // previous one.
    const end = parser.position - 1;
    const start = text.lastIndexOf(text.charAt(end), end - 1) + 1;
    attributes.push([key, characterData(sourceText(text, start, end))]);
  });
  parser.on('opentag', (tag) => {
    flushText();
    if (!tag.isSelfClosing && open.length - 1 > MAX_OPEN_ELEMENTS) {
      throw new ConnectorError('unexpected_response', 'The XML response could not be parsed.', {
        cause: new Error(`Elements are nested deeper than ${MAX_OPEN_ELEMENTS + 1} levels.`),
      });
    }
    open.push({ key: elementKey(tag.name), children: {}, text: '', attributes });
    attributes = [];
    dataStart = parser.position;
  });
  parser.on('closetag', () => {
    flushText();
    const element = open.pop();
    if (element !== undefined) addChild(current(), element.key, elementValue(element));
    dataStart = parser.position;
  });
  parser.on('cdata', (data) => {
    flushText();
    // A CDATA section is literal text: not trimmed, no references.
    if (open.length > 1) current().text += data;
    dataStart = parser.position;
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (!isParserError(error)) throw error;
    const reason = error.message.replace(/\.$/, '');
    if (reason === 'document must contain a root element')
      throw new ConnectorError('unexpected_response', 'The XML response has no root element.');
    const shown =
      reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
    throw new ConnectorError(
      'unexpected_response',
      `The XML response is malformed (line ${parser.line}: ${shown}).`,
    );
  }
  return document.children;
}

/**
 * Parses an XML document from the network. Refuses any `<!DOCTYPE` or `<!ENTITY` (no external
 * entities, no entity expansion bombs), malformed XML (including a truncated document) and any
 * entity other than XML's five: without a DTD no other entity exists, so `&nbsp;` in a response
 * means the body is not the XML it claims to be, and guessing its meaning would be wrong.
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
  try {
    return readTree(text);
  } catch (error) {
    if (isConnectorError(error)) throw error;
    throw new ConnectorError('unexpected_response', 'The XML response could not be parsed.', {
      cause: error,
    });
  }
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

// eslint-disable-next-line no-control-regex -- control characters are what must be escaped
const NEEDS_ESCAPING = /[&<>"'\u0000-\u001F\uFFFE\uFFFF]/;

/** Escapes text or an attribute value for XML (`& < > " '`, tab and line breaks); drops characters XML cannot carry. */
export function escapeXml(value: string): string {
  // Most values (ids, amounts, dates) need nothing: skip the passes below for them.
  if (!NEEDS_ESCAPING.test(value)) return value;
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

/** Names already checked against {@link NAME}: a request repeats a few dozen names many times. */
const CHECKED_NAMES = new Set<string>();
const MAX_CHECKED_NAMES = 10_000;

function assertName(name: string, what: 'element' | 'attribute'): void {
  if (CHECKED_NAMES.has(name)) return;
  if (!NAME.test(name))
    throw new ConnectorError('internal', `The XML ${what} name "${name}" is invalid.`);
  if (CHECKED_NAMES.size < MAX_CHECKED_NAMES) CHECKED_NAMES.add(name);
}

/** Renders an element tree; all text and attribute values are escaped. */
export function renderXml(element: XmlElement): string {
  const name = element.name;
  assertName(name, 'element');
  let attrs = '';
  const attributes = element.attributes;
  if (attributes !== undefined) {
    for (const key in attributes) {
      const value = attributes[key];
      if (value === undefined) continue;
      assertName(key, 'attribute');
      attrs += ` ${key}="${escapeXml(value)}"`;
    }
  }
  let content = '';
  const parts = element.children;
  if (parts !== undefined) {
    for (const part of parts) {
      if (part === undefined) continue;
      content += typeof part === 'string' ? escapeXml(part) : renderXml(part);
    }
  }
  return content === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}
