import { z } from 'zod';
import { checkJsonSchema } from '../../cli/build/json-schema-check';

describe('checkJsonSchema()', () => {
  const schema = z.toJSONSchema(
    z.object({
      id: z.string().min(2),
      count: z.number().int().min(0),
      day: z.iso.date(),
      at: z.iso.datetime(),
      kind: z.enum(['a', 'b']),
      tags: z.array(z.object({ id: z.string() })),
      note: z.string().nullable(),
      extra: z.string().optional(),
    }),
    { io: 'output' },
  );
  const good = {
    id: 'ab',
    count: 3,
    day: '2026-03-02',
    at: '2026-03-02T10:00:00.000Z',
    kind: 'a',
    tags: [{ id: 'x' }],
    note: null,
  };

  it('accepts a value zod accepts', () => {
    expect(checkJsonSchema(schema, good)).toEqual([]);
  });

  it.each([
    ['a wrong type', { ...good, count: '3' }, 'count', 'expected integer, got string'],
    ['a fraction for an integer', { ...good, count: 1.5 }, 'count', 'expected integer, got number'],
    ['a negative below minimum', { ...good, count: -1 }, 'count', 'expected a number >= 0'],
    ['a short string', { ...good, id: 'a' }, 'id', 'expected at least 2 characters'],
    [
      'a calendar-invalid date',
      { ...good, day: '2026-02-30' },
      'day',
      'does not match the pattern',
    ],
    ['a value outside the enum', { ...good, kind: 'c' }, 'kind', 'expected one of ["a","b"]'],
    ['a wrong nested item', { ...good, tags: [{ id: 1 }] }, 'tags.0.id', 'expected string'],
    ['an unknown property', { ...good, bogus: 1 }, 'bogus', 'is not a property the schema allows'],
    ['null where not nullable', { ...good, id: null }, 'id', 'expected string, got null'],
  ])('refuses %s, naming the path', (_name, value, path, message) => {
    const issues = checkJsonSchema(schema, value);
    expect(issues).toEqual([
      expect.objectContaining({ path, message: expect.stringContaining(message) }),
    ]);
  });

  it('names a missing required field', () => {
    const { day: _day, ...withoutDay } = good;
    expect(checkJsonSchema(schema, withoutDay)).toEqual([
      { path: 'day', message: 'is required but missing' },
    ]);
  });

  it('checks a bad date-time format', () => {
    const issues = checkJsonSchema(schema, { ...good, at: 'yesterday' });
    expect(issues.map((issue) => issue.path)).toContain('at');
  });

  it('follows local $refs, including recursive ones', () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.lazy(() =>
      z.object({ name: z.string(), children: z.array(node) }),
    );
    const recursive = z.toJSONSchema(node, { io: 'output' });
    expect(
      checkJsonSchema(recursive, { name: 'a', children: [{ name: 'b', children: [] }] }),
    ).toEqual([]);
    expect(
      checkJsonSchema(recursive, { name: 'a', children: [{ name: 2, children: [] }] }),
    ).toEqual([expect.objectContaining({ path: 'children.0.name' })]);
  });

  it('requires one matching option of a union', () => {
    const union = z.toJSONSchema(z.union([z.object({ a: z.string() }), z.number()]));
    expect(checkJsonSchema(union, 5)).toEqual([]);
    expect(checkJsonSchema(union, { a: 'x' })).toEqual([]);
    expect(checkJsonSchema(union, true)).not.toEqual([]);
  });

  it('treats a record schema per value', () => {
    const record = z.toJSONSchema(z.record(z.string(), z.number()));
    expect(checkJsonSchema(record, { a: 1 })).toEqual([]);
    expect(checkJsonSchema(record, { a: 'x' })).toEqual([
      { path: 'a', message: 'expected number, got string' },
    ]);
  });
});
