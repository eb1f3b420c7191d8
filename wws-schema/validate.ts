/**
 * A strict checker of Workday Web Services documents against {@link WwsSchema}: element order,
 * unknown elements, missing required elements, cardinality, `xsd:` simple values, attributes and
 * reference ID types, reported the way Workday's Validation_Fault does (one issue per failing
 * element, with a `bsvc:`-prefixed, 1-based Xpath from the operation element). Messages follow
 * libxml2's wording, whose "This element is not expected" is also Workday's (reference:
 * workday-soap-schema.md); test/wws-schema checks this validator against libxml2 itself.
 *
 * It reads the XML with `saxes` in namespace mode and keeps document order, unlike the
 * name-grouping parsers the sandbox and the connector use for values.
 */
import { SaxesParser } from 'saxes';
import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';
import type {
  AttributeDecl,
  BuiltInType,
  ElementDecl,
  ReferenceType,
  SequenceType,
  TypeDecl,
  WwsSchema,
} from './types';

const SOAP_ENV_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const BUILT_IN: ReadonlySet<string> = new Set<BuiltInType>([
  'string',
  'boolean',
  'date',
  'dateTime',
  'decimal',
]);
/** Longest value quoted in a message. */
const MAX_QUOTED_CHARS = 80;

/** One schema violation, as a Validation_Error carries it. */
export interface WwsIssue {
  message: string;
  /** `/bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]/…`. */
  xpath: string;
  /** Local name of the element at fault. */
  element: string;
}

/** The result of validating a document. */
export interface WwsValidation {
  /** Local name of the element validated (the Body's child, or each fault detail's child). */
  root: string | undefined;
  issues: WwsIssue[];
}

/** An element in document order. */
interface Node {
  uri: string;
  local: string;
  attributes: SaxesAttributeNS[];
  children: Node[];
  text: string;
}

class NotWellFormed extends Error {
  override name = 'NotWellFormed';
}

function parse(xml: string): Node {
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(xml)) throw new NotWellFormed('DTDs are not allowed.');
  const parser = new SaxesParser({ xmlns: true });
  const root: Node = { uri: '', local: '', attributes: [], children: [], text: '' };
  const open: Node[] = [root];
  const top = (): Node => open[open.length - 1] ?? root;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const node: Node = {
      uri: tag.uri,
      local: tag.local,
      attributes: Object.values(tag.attributes).filter((a) => a.uri !== XMLNS_NAMESPACE),
      children: [],
      text: '',
    };
    top().children.push(node);
    open.push(node);
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.on('text', (text) => {
    top().text += text;
  });
  parser.on('cdata', (text) => {
    top().text += text;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new NotWellFormed(error instanceof Error ? error.message : String(error));
  }
  const element = root.children[0];
  if (element === undefined) throw new NotWellFormed('The document has no root element.');
  return element;
}

function quote(value: string): string {
  return value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}…` : value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ZONE = '(?:Z|[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00))';
const DATE = new RegExp(`^(-?\\d{4,})-(\\d{2})-(\\d{2})${ZONE}?$`);
const DATE_TIME = new RegExp(
  `^(-?\\d{4,})-(\\d{2})-(\\d{2})T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?|24:00:00(?:\\.0+)?)${ZONE}?$`,
);
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function isCalendarDate(match: RegExpExecArray): boolean {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year !== 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True when `raw` is in the lexical space of the built-in type (XSD 1.0 Part 2). */
export function isBuiltInValue(type: BuiltInType, raw: string): boolean {
  if (type === 'string') return true;
  // Every other type collapses white space first.
  const value = raw.replace(/[\t\n\r ]+/g, ' ').trim();
  switch (type) {
    case 'boolean':
      return value === 'true' || value === 'false' || value === '1' || value === '0';
    case 'decimal':
      return DECIMAL.test(value);
    case 'date': {
      const match = DATE.exec(value);
      return match !== null && isCalendarDate(match);
    }
    case 'dateTime': {
      const match = DATE_TIME.exec(value);
      return match !== null && isCalendarDate(match);
    }
  }
}

class Checker {
  readonly issues: WwsIssue[] = [];

  constructor(private readonly schema: WwsSchema) {}

  private add(node: Node, xpath: string, message: string): void {
    this.issues.push({ message, xpath, element: node.local });
  }

  private typeOf(name: string): TypeDecl | BuiltInType {
    if (BUILT_IN.has(name)) return name as BuiltInType;
    const type = this.schema.types[name];
    if (type === undefined) throw new Error(`The schema has no type "${name}".`);
    return type;
  }

  private valueAllowed(typeName: string, value: string): boolean {
    const type = this.typeOf(typeName);
    if (typeof type === 'string') return isBuiltInValue(type, value);
    if (type.kind === 'enumeration') return type.values.includes(value);
    throw new Error(`The type "${typeName}" is not a simple type.`);
  }

  private checkAttributes(node: Node, xpath: string, declared: readonly AttributeDecl[]): void {
    for (const attribute of node.attributes) {
      const decl =
        attribute.uri === this.schema.namespace
          ? declared.find((d) => d.name === attribute.local)
          : undefined;
      if (decl === undefined) {
        this.add(
          node,
          xpath,
          `Element '${node.local}', attribute '${attribute.name}': The attribute '${attribute.name}' is not allowed.`,
        );
      } else if (!this.valueAllowed(decl.type, attribute.value)) {
        this.add(
          node,
          xpath,
          `Element '${node.local}', attribute '${attribute.name}': '${quote(attribute.value)}' is not a valid value of the type '${decl.type}'.`,
        );
      }
    }
    for (const decl of declared) {
      if (decl.required !== true) continue;
      const present = node.attributes.some(
        (a) => a.uri === this.schema.namespace && a.local === decl.name,
      );
      if (!present) {
        this.add(
          node,
          xpath,
          `Element '${node.local}': The attribute '${decl.name}' is required but missing.`,
        );
      }
    }
  }

  private checkSimple(node: Node, xpath: string, typeName: string): void {
    this.checkAttributes(node, xpath, []);
    if (node.children.length > 0) {
      this.add(
        node,
        xpath,
        `Element '${node.local}': Element content is not allowed, because the type definition is simple.`,
      );
    } else if (!this.valueAllowed(typeName, node.text)) {
      this.add(
        node,
        xpath,
        `Element '${node.local}': '${quote(node.text)}' is not a valid value of the type '${typeName}'.`,
      );
    }
  }

  private checkReference(node: Node, xpath: string, type: ReferenceType): void {
    this.checkAttributes(node, xpath, [{ name: 'Descriptor', type: 'string' }]);
    this.checkNoText(node, xpath);
    const positions = new Map<string, number>();
    for (const id of node.children) {
      const position = (positions.get(id.local) ?? 0) + 1;
      positions.set(id.local, position);
      const idXpath = `${xpath}/bsvc:${id.local}[${position}]`;
      if (id.uri !== this.schema.namespace || id.local !== 'ID') {
        this.add(
          id,
          idXpath,
          `Element '${id.local}': This element is not expected. Expected is ( ID ).`,
        );
        return;
      }
      this.checkId(id, idXpath, node.local, type);
    }
  }

  private checkId(id: Node, xpath: string, referenceName: string, type: ReferenceType): void {
    const allowed = new Set([
      'type',
      ...(type.parentTypes === undefined ? [] : ['parent_id', 'parent_type']),
    ]);
    let hasType = false;
    for (const attribute of id.attributes) {
      const known = attribute.uri === this.schema.namespace && allowed.has(attribute.local);
      if (!known) {
        this.add(
          id,
          xpath,
          `Element 'ID', attribute '${attribute.name}': The attribute '${attribute.name}' is not allowed.`,
        );
      } else if (attribute.local === 'type') {
        hasType = true;
        if (!type.idTypes.includes(attribute.value)) {
          this.add(
            id,
            xpath,
            `Element 'ID', attribute '${attribute.name}': '${quote(attribute.value)}' is not a valid ID type for ${referenceName}.`,
          );
        }
      } else if (
        attribute.local === 'parent_type' &&
        !type.parentTypes?.includes(attribute.value)
      ) {
        this.add(
          id,
          xpath,
          `Element 'ID', attribute '${attribute.name}': '${quote(attribute.value)}' is not a valid parent type for ${referenceName}.`,
        );
      }
    }
    if (!hasType) {
      this.add(id, xpath, `Element 'ID': The attribute 'type' is required but missing.`);
    }
    if (id.children.length > 0) {
      this.add(
        id,
        xpath,
        `Element 'ID': Element content is not allowed, because the type definition is simple.`,
      );
    }
  }

  private checkNoText(node: Node, xpath: string): void {
    if (node.text.trim() !== '') {
      this.add(
        node,
        xpath,
        `Element '${node.local}': Character content other than whitespace is not allowed because the content type is 'element-only'.`,
      );
    }
  }

  /** The element names that may come next: decls from `index` up to the first required one. */
  private expected(decls: readonly ElementDecl[], index: number, count: number): string[] {
    const names: string[] = [];
    for (let j = index; j < decls.length; j++) {
      const decl = decls[j]!;
      const used = j === index ? count : 0;
      if (decl.maxOccurs === 'unbounded' || used < decl.maxOccurs) names.push(decl.name);
      if (used < decl.minOccurs) break;
    }
    return names;
  }

  private checkSequence(node: Node, xpath: string, type: SequenceType): void {
    this.checkAttributes(node, xpath, type.attributes ?? []);
    this.checkNoText(node, xpath);
    const decls = type.elements;
    let index = 0;
    let count = 0;
    const positions = new Map<string, number>();
    for (const childNode of node.children) {
      const position = (positions.get(childNode.local) ?? 0) + 1;
      positions.set(childNode.local, position);
      const childXpath = `${xpath}/bsvc:${childNode.local}[${position}]`;
      let placed = -1;
      if (childNode.uri === this.schema.namespace) {
        let used = count;
        for (let j = index; j < decls.length; j++) {
          const decl = decls[j]!;
          const fits = decl.maxOccurs === 'unbounded' || used < decl.maxOccurs;
          if (decl.name === childNode.local && fits) {
            placed = j;
            break;
          }
          if (used < decl.minOccurs) break;
          used = 0;
        }
      }
      if (placed === -1) {
        const expected = this.expected(decls, index, count);
        this.add(
          childNode,
          childXpath,
          `Element '${childNode.local}': This element is not expected.` +
            (expected.length === 0 ? '' : ` Expected is ( ${expected.join(', ')} ).`),
        );
        // As libxml2 does, the rest of this element's content is not checked.
        return;
      }
      count = placed === index ? count + 1 : 1;
      index = placed;
      this.checkElement(childNode, childXpath, decls[placed]!.type);
    }
    for (let j = index; j < decls.length; j++) {
      const decl = decls[j]!;
      const used = j === index ? count : 0;
      if (used < decl.minOccurs) {
        const expected = this.expected(decls, index, count);
        this.add(
          node,
          xpath,
          `Element '${node.local}': Missing child element(s). Expected is ( ${expected.join(', ')} ).`,
        );
        return;
      }
    }
  }

  checkElement(node: Node, xpath: string, typeName: string): void {
    const type = this.typeOf(typeName);
    if (typeof type === 'string' || type.kind === 'enumeration') {
      this.checkSimple(node, xpath, typeName);
      return;
    }
    switch (type.kind) {
      case 'open':
        return;
      case 'reference':
        this.checkReference(node, xpath, type);
        return;
      case 'sequence':
        this.checkSequence(node, xpath, type);
        return;
    }
  }

  checkGlobal(node: Node): void {
    const xpath = `/bsvc:${node.local}[1]`;
    const typeName =
      node.uri === this.schema.namespace ? this.schema.elements[node.local] : undefined;
    if (typeName === undefined) {
      this.add(node, xpath, `Element '${node.local}': No matching global declaration available.`);
      return;
    }
    this.checkElement(node, xpath, typeName);
  }
}

/** The elements to validate in a document: a SOAP Body's child, a fault's details, or the root. */
function targets(root: Node): Node[] {
  if (root.uri !== SOAP_ENV_NAMESPACE || root.local !== 'Envelope') return [root];
  const body = root.children.find((c) => c.uri === SOAP_ENV_NAMESPACE && c.local === 'Body');
  const first = body?.children[0];
  if (first === undefined) return [];
  if (first.uri === SOAP_ENV_NAMESPACE && first.local === 'Fault') {
    const detail = first.children.find((c) => c.local === 'detail');
    return detail?.children ?? [];
  }
  return [first];
}

/**
 * Validates a document: a SOAP envelope (its Body's element, or the elements inside a fault's
 * `detail`) or a bare WWS element. A document that is not well-formed is one issue at `/`.
 */
export function validateWwsDocument(xml: string, schema: WwsSchema): WwsValidation {
  let root: Node;
  try {
    root = parse(xml);
  } catch (error) {
    if (!(error instanceof NotWellFormed)) throw error;
    return {
      root: undefined,
      issues: [
        {
          message: `The document is not well-formed XML: ${error.message}`,
          xpath: '/',
          element: '',
        },
      ],
    };
  }
  const checker = new Checker(schema);
  const elements = targets(root);
  for (const element of elements) checker.checkGlobal(element);
  if (elements.length === 0) {
    checker.issues.push({
      message: 'The SOAP Body contains no request element.',
      xpath: '/',
      element: 'Body',
    });
  }
  return { root: elements[0]?.local, issues: checker.issues };
}

/**
 * Validates one rendered element without an envelope, e.g. a request builder's output, whose
 * `bsvc:` (or `wd:`) prefix is bound here to the schema's namespace.
 */
export function validateWwsElement(xml: string, schema: WwsSchema): WwsValidation {
  const ns = schema.namespace;
  return validateWwsDocument(
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV_NAMESPACE}" xmlns:bsvc="${ns}" xmlns:wd="${ns}">` +
      `<soapenv:Body>${xml}</soapenv:Body></soapenv:Envelope>`,
    schema,
  );
}
