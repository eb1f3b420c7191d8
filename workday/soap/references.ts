import { attribute, children, textOf } from './xml';
import type { XmlElement, XmlObject } from './xml';

/** One `ID` of a Workday reference: `<wd:ID wd:type="WID">…</wd:ID>`. */
export interface ReferenceId {
  type: string;
  value: string;
  /** `parent_id` / `parent_type` of scoped IDs (e.g. a ledger account within an account set). */
  parentId?: string;
  parentType?: string;
}

/** Builds `<bsvc:{name}><bsvc:ID bsvc:type="{type}">{value}</bsvc:ID></bsvc:{name}>`. */
export function referenceElement(
  name: string,
  type: string,
  value: string,
  parent?: { id: string; type: string },
): XmlElement {
  return {
    name: `bsvc:${name}`,
    children: [
      {
        name: 'bsvc:ID',
        attributes: {
          'bsvc:type': type,
          'bsvc:parent_id': parent?.id,
          'bsvc:parent_type': parent?.type,
        },
        children: [value],
      },
    ],
  };
}

/** All IDs of a parsed reference element. */
export function referenceIds(reference: XmlObject | undefined): ReferenceId[] {
  const ids: ReferenceId[] = [];
  for (const id of children(reference, 'ID')) {
    const type = attribute(id, 'type');
    const value = textOf(id);
    if (type === undefined || value === undefined) continue;
    const entry: ReferenceId = { type, value };
    const parentId = attribute(id, 'parent_id');
    const parentType = attribute(id, 'parent_type');
    if (parentId !== undefined) entry.parentId = parentId;
    if (parentType !== undefined) entry.parentType = parentType;
    ids.push(entry);
  }
  return ids;
}

/** The value of the first ID whose type is in `types`, in order of preference. */
export function referenceId(
  reference: XmlObject | undefined,
  ...types: readonly string[]
): string | undefined {
  const ids = referenceIds(reference);
  for (const type of types) {
    const found = ids.find((id) => id.type === type);
    if (found !== undefined) return found.value;
  }
  return undefined;
}

/** The `Descriptor` attribute of a reference. */
export function referenceDescriptor(reference: XmlObject | undefined): string | undefined {
  return attribute(reference, 'Descriptor');
}
