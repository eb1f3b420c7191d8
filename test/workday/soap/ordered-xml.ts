/**
 * Reading a built request with its element order kept, which is what the schema's sequences
 * are about: the Submit and Import journal request tests walk their envelopes with these.
 */
import { XMLParser } from 'fast-xml-parser';

/** One element of fast-xml-parser's `preserveOrder` output; `:@` holds its attributes. */
export type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses with element order kept, attributes unprefixed, values as text. */
export const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
});

/** The element's name. */
export function tagName(node: Ordered): string {
  return Object.keys(node).find((key) => key !== ':@') as string;
}

/** The element's children, in document order. */
export function kids(node: Ordered): Ordered[] {
  return node[tagName(node)] as Ordered[];
}

/** The first of `nodes` named `name`; throws when there is none. */
export function find(nodes: Ordered[], name: string): Ordered {
  const found = nodes.find((node) => tagName(node) === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

/** The element's text content. */
export function text(node: Ordered): string {
  return (kids(node)[0] as { '#text': string })['#text'];
}
