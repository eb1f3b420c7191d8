import fc from 'fast-check';
import { isConnectorError } from '../../../sdk/errors';
import { children, childText, escapeXml, parseXml, renderXml } from '../../../workday/soap/xml';

function refusal(text: string): unknown {
  try {
    parseXml(text);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseXml()', () => {
  it('strips namespace prefixes and keeps text as strings', () => {
    const doc = parseXml(
      '<?xml version="1.0"?><wd:R xmlns:wd="urn:com.workday/bsvc"><wd:ID wd:type="X">007</wd:ID><wd:M>a &amp; b &#65;</wd:M></wd:R>',
    );
    expect(doc).toEqual({ R: { ID: { '#text': '007', '@_type': 'X' }, M: 'a & b A' } });
  });

  it('decodes entities once: an escaped reference stays a reference', () => {
    const doc = parseXml('<a b="x&amp;#65;&quot;">&amp;#65; &#x42;&#67; &lt;tag&gt; &apos;</a>');
    expect(doc).toEqual({ a: { '#text': "&#65; BC <tag> '", '@_b': 'x&#65;"' } });
  });

  it('refuses HTML-only entity names: XML has none without a DTD, so the body is not Workday XML', () => {
    expect(refusal('<a>&nbsp;</a>')).toMatchObject({
      code: 'unexpected_response',
      message: 'The XML response is malformed (line 1: undefined entity).',
    });
    expect(refusal('<a b="&copy;"/>')).toMatchObject({ code: 'unexpected_response' });
  });

  it('decodes a character reference written with leading zeros', () => {
    expect(parseXml('<a>&#x0041;&#0066;</a>')).toEqual({ a: 'AB' });
  });

  it('keeps a CDATA section literal and merges it into the text, untrimmed', () => {
    expect(parseXml('<a x="1"> t <![CDATA[ &amp; <b> ]]> u </a>')).toEqual({
      a: { '#text': 't &amp; <b> u', '@_x': '1' },
    });
  });

  it('trims literal white space but keeps white space written as references', () => {
    expect(parseXml('<a b=" &#32;x ">\n\t&#9;y&#10; </a>')).toEqual({
      a: { '#text': '\ty\n', '@_b': ' x' },
    });
  });

  it('drops namespace declarations and reads an element with only them as its text', () => {
    expect(parseXml('<wd:a xmlns:wd="urn:x" xmlns="urn:y">t</wd:a>')).toEqual({ a: 't' });
    expect(parseXml('<a xmlns="urn:y"/>')).toEqual({ a: '' });
  });

  it('reads repeated siblings as a list in document order, whatever their prefixes', () => {
    expect(parseXml('<r><wd:b>1</wd:b><c/><bsvc:b x="2"/><b/></r>')).toEqual({
      r: { b: ['1', { '@_x': '2' }, ''], c: '' },
    });
  });

  it.each(['&#x110000;', '&#xD800;', '&#0;'])(
    'refuses a reference to a code point XML does not allow: %s',
    (reference) => {
      const error = refusal(`<a>${reference}</a>`);
      expect(isConnectorError(error) && error.code).toBe('unexpected_response');
    },
  );

  it.each([
    [
      'a billion-laughs entity bomb',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a>&lol2;</a>',
    ],
    [
      'an external entity',
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>',
    ],
    ['a lower-case doctype', '<!doctype a><a/>'],
    ['a stray ENTITY declaration', '<a><!ENTITY x "y"></a>'],
  ])('refuses %s with unexpected_response', (_name, text) => {
    const error = refusal(text);
    expect(isConnectorError(error) && error.code).toBe('unexpected_response');
    expect((error as Error).message).toBe(
      'The XML response contains a DOCTYPE or ENTITY declaration, which is refused.',
    );
  });

  it.each([
    ['empty', '', 'The XML response is empty.'],
    [
      'mismatched tags',
      '<a><b></a>',
      'The XML response is malformed (line 1: unexpected close tag).',
    ],
    [
      'text only',
      'hello',
      'The XML response is malformed (line 1: text data outside of root node).',
    ],
    [
      'a truncated document',
      '<a>\n<b>x</b>',
      'The XML response is malformed (line 2: unclosed tag: a).',
    ],
    [
      'a second root',
      '<a/><b/>',
      'The XML response is malformed (line 1: documents may contain only one root).',
    ],
    ['no root element', '<?xml version="1.0"?><!-- c -->', 'The XML response has no root element.'],
    [
      'an element named after Object.prototype',
      '<a><constructor/></a>',
      'The XML response could not be parsed.',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(refusal(text)).toMatchObject({ code: 'unexpected_response', message });
  });

  it('reads back any text written with renderXml (escaping is complete)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (text, attr) => {
        const xml = renderXml({
          name: 'bsvc:A',
          attributes: { 'bsvc:x': attr },
          children: [{ name: 'bsvc:T', children: [text] }],
        });
        const doc = parseXml(xml);
        // Control characters XML cannot carry are dropped; surrounding literal whitespace is trimmed on
        // read, in text and in attribute values alike (tabs and line breaks are written as
        // references, so they survive).
        const clean = (s: string) =>
          // eslint-disable-next-line no-control-regex -- the characters XML cannot carry
          s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
        const trim = (s: string) => s.replace(/^[^\S\t\n\r]+|[^\S\t\n\r]+$/g, '');
        expect(childText(doc['A'], 'T') ?? '').toBe(trim(clean(text)));
        expect(children(doc, 'A')[0]?.['@_x']).toBe(trim(clean(attr)));
      }),
      { numRuns: 300 },
    );
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
  });

  it('refuses element names that would break the document', () => {
    expect(() => renderXml({ name: 'a><b' })).toThrow('The XML element name "a><b" is invalid.');
  });
});
