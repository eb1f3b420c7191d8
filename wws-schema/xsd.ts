/**
 * Renders {@link WwsSchema} as an XML Schema 1.0 document, so that libxml2 (an independent,
 * complete XSD implementation) can check the same documents as `validate.ts`. Workday's schema
 * qualifies both elements and attributes, and so does this one.
 */
import type { ElementDecl, TypeDecl, WwsSchema } from './types';

const XS = 'http://www.w3.org/2001/XMLSchema';

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function typeRef(schema: WwsSchema, name: string): string {
  return schema.types[name] === undefined ? `xs:${name}` : `wd:${name}`;
}

function element(schema: WwsSchema, decl: ElementDecl): string {
  const max = decl.maxOccurs === 'unbounded' ? 'unbounded' : String(decl.maxOccurs);
  return (
    `<xs:element name="${decl.name}" type="${typeRef(schema, decl.type)}"` +
    ` minOccurs="${decl.minOccurs}" maxOccurs="${max}"/>`
  );
}

function enumeration(name: string, values: readonly string[]): string {
  const facets = values.map((v) => `<xs:enumeration value="${escape(v)}"/>`).join('');
  return `<xs:simpleType name="${name}"><xs:restriction base="xs:string">${facets}</xs:restriction></xs:simpleType>`;
}

function renderType(schema: WwsSchema, name: string, type: TypeDecl): string {
  switch (type.kind) {
    case 'enumeration':
      return enumeration(name, type.values);
    case 'open':
      return (
        `<xs:complexType name="${name}" mixed="true"><xs:sequence>` +
        `<xs:any minOccurs="0" maxOccurs="unbounded" processContents="skip"/></xs:sequence>` +
        `<xs:anyAttribute processContents="skip"/></xs:complexType>`
      );
    case 'reference': {
      const parents =
        type.parentTypes === undefined
          ? ''
          : `<xs:attribute name="parent_id" type="xs:string"/>` +
            `<xs:attribute name="parent_type" type="wd:${name}_ParentType"/>`;
      return (
        `<xs:complexType name="${name}"><xs:sequence>` +
        `<xs:element name="ID" type="wd:${name}_ID" minOccurs="0" maxOccurs="unbounded"/>` +
        `</xs:sequence><xs:attribute name="Descriptor" type="xs:string"/></xs:complexType>` +
        `<xs:complexType name="${name}_ID"><xs:simpleContent><xs:extension base="xs:string">` +
        `<xs:attribute name="type" type="wd:${name}_IDType" use="required"/>${parents}` +
        `</xs:extension></xs:simpleContent></xs:complexType>` +
        enumeration(`${name}_IDType`, type.idTypes) +
        (type.parentTypes === undefined ? '' : enumeration(`${name}_ParentType`, type.parentTypes))
      );
    }
    case 'sequence': {
      const elements = type.elements.map((decl) => element(schema, decl)).join('');
      const attributes = (type.attributes ?? [])
        .map(
          (a) =>
            `<xs:attribute name="${a.name}" type="${typeRef(schema, a.type)}"` +
            `${a.required === true ? ' use="required"' : ''}/>`,
        )
        .join('');
      return `<xs:complexType name="${name}"><xs:sequence>${elements}</xs:sequence>${attributes}</xs:complexType>`;
    }
  }
}

/** The schema as an XSD document (target namespace `schema.namespace`, prefix `wd`). */
export function renderXsd(schema: WwsSchema): string {
  const elements = Object.entries(schema.elements)
    .map(([name, type]) => `<xs:element name="${name}" type="${typeRef(schema, type)}"/>`)
    .join('');
  const types = Object.entries(schema.types)
    .map(([name, type]) => renderType(schema, name, type))
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<xs:schema xmlns:xs="${XS}" xmlns:wd="${schema.namespace}" targetNamespace="${schema.namespace}"` +
    ` elementFormDefault="qualified" attributeFormDefault="qualified">${elements}${types}</xs:schema>`
  );
}
