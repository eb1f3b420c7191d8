/**
 * A small JSON Schema (draft 2020-12) checker for the keywords zod's `toJSONSchema` emits, so
 * `connector build` can prove that the manifest's schemas accept the `sample_output` it ships.
 * Not a general validator: annotation keywords and anything unknown are ignored.
 */

/** One place where a value does not match its schema. */
export interface JsonSchemaIssue {
  /** Dotted path of the offending value (`tasks.0.id`); empty for the value as a whole. */
  path: string;
  message: string;
}

type Schema = Record<string, unknown>;

const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  email: /^[^\s@]+@[^\s@]+$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

// Deep enough for any real manifest; guards against a cyclic `$ref` loop.
const MAX_DEPTH = 64;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new RegExp(pattern);
  }
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) ? node[key] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

function checkNode(
  root: Schema,
  schema: unknown,
  value: unknown,
  path: string,
  depth: number,
): JsonSchemaIssue[] {
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [{ path, message: 'no value is allowed here' }];
  if (!isSchema(schema)) return [];
  if (depth > MAX_DEPTH) return [{ path, message: 'schema nests too deeply to check' }];
  const issues: JsonSchemaIssue[] = [];
  const sub = (s: unknown, v: unknown, p: string) => checkNode(root, s, v, p, depth + 1);

  if (typeof schema.$ref === 'string') {
    const target = resolveRef(root, schema.$ref);
    if (target === undefined) issues.push({ path, message: `unresolvable $ref "${schema.$ref}"` });
    else issues.push(...sub(target, value, path));
  }
  const types =
    typeof schema.type === 'string'
      ? [schema.type]
      : Array.isArray(schema.type)
        ? schema.type.filter((t): t is string => typeof t === 'string')
        : undefined;
  if (types !== undefined && !types.some((type) => matchesType(value, type))) {
    return [...issues, { path, message: `expected ${types.join(' or ')}, got ${typeOf(value)}` }];
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    issues.push({ path, message: `expected the constant ${JSON.stringify(schema.const)}` });
  if (
    Array.isArray(schema.enum) &&
    !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))
  )
    issues.push({ path, message: `expected one of ${JSON.stringify(schema.enum)}` });

  if (typeof value === 'string') issues.push(...checkString(schema, value, path));
  if (typeof value === 'number') issues.push(...checkNumber(schema, value, path));
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      issues.push({ path, message: `expected at least ${schema.minItems} items` });
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      issues.push({ path, message: `expected at most ${schema.maxItems} items` });
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    value.forEach((item, index) => {
      const itemSchema = index < prefix.length ? prefix[index] : schema.items;
      issues.push(...sub(itemSchema, item, join(path, index)));
    });
  }
  if (isSchema(value)) issues.push(...checkObject(root, schema, value, path, depth));

  if (Array.isArray(schema.allOf))
    for (const part of schema.allOf) issues.push(...sub(part, value, path));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const options = schema[keyword];
    if (!Array.isArray(options)) continue;
    const results = options.map((option) => sub(option, value, path));
    const passing = results.filter((result) => result.length === 0).length;
    if (passing === 0) {
      // Report the closest option's problems: they usually name the real mistake.
      const closest = results.reduce((a, b) => (b.length < a.length ? b : a), results[0] ?? []);
      issues.push(...(closest.length > 0 ? closest : [{ path, message: 'matches no option' }]));
    } else if (keyword === 'oneOf' && passing > 1) {
      issues.push({ path, message: 'matches more than one option of "oneOf"' });
    }
  }
  if ('not' in schema && sub(schema.not, value, path).length === 0)
    issues.push({ path, message: 'matches a schema it must not match' });
  return issues;
}

function checkString(schema: Schema, value: string, path: string): JsonSchemaIssue[] {
  const issues: JsonSchemaIssue[] = [];
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength)
    issues.push({ path, message: `expected at least ${schema.minLength} characters` });
  if (typeof schema.maxLength === 'number' && length > schema.maxLength)
    issues.push({ path, message: `expected at most ${schema.maxLength} characters` });
  if (typeof schema.pattern === 'string' && !compilePattern(schema.pattern).test(value))
    issues.push({ path, message: `does not match the pattern ${schema.pattern}` });
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format !== undefined && !format.test(value))
    issues.push({ path, message: `is not a valid ${String(schema.format)}` });
  return issues;
}

function checkNumber(schema: Schema, value: number, path: string): JsonSchemaIssue[] {
  const issues: JsonSchemaIssue[] = [];
  if (typeof schema.minimum === 'number' && value < schema.minimum)
    issues.push({ path, message: `expected a number >= ${schema.minimum}` });
  if (typeof schema.maximum === 'number' && value > schema.maximum)
    issues.push({ path, message: `expected a number <= ${schema.maximum}` });
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
    issues.push({ path, message: `expected a number > ${schema.exclusiveMinimum}` });
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
    issues.push({ path, message: `expected a number < ${schema.exclusiveMaximum}` });
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
    const ratio = value / schema.multipleOf;
    if (Math.abs(ratio - Math.round(ratio)) > 1e-9)
      issues.push({ path, message: `expected a multiple of ${schema.multipleOf}` });
  }
  return issues;
}

function checkObject(
  root: Schema,
  schema: Schema,
  value: Schema,
  path: string,
  depth: number,
): JsonSchemaIssue[] {
  const issues: JsonSchemaIssue[] = [];
  const properties = isSchema(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required))
    for (const key of schema.required)
      if (typeof key === 'string' && !(key in value))
        issues.push({ path: join(path, key), message: 'is required but missing' });
  for (const [key, item] of Object.entries(value)) {
    if (key in properties) {
      issues.push(...checkNode(root, properties[key], item, join(path, key), depth + 1));
    } else if (schema.additionalProperties === false) {
      issues.push({ path: join(path, key), message: 'is not a property the schema allows' });
    } else if (isSchema(schema.additionalProperties)) {
      issues.push(
        ...checkNode(root, schema.additionalProperties, item, join(path, key), depth + 1),
      );
    }
    if (isSchema(schema.propertyNames))
      for (const problem of checkNode(root, schema.propertyNames, key, join(path, key), depth + 1))
        issues.push({ path: problem.path, message: `property name ${problem.message}` });
  }
  return issues;
}

/**
 * Checks `value` against a JSON Schema as zod 4 emits it (`type`, `properties`, `required`,
 * `additionalProperties`, `items`, `prefixItems`, `enum`, `const`, `anyOf`/`oneOf`/`allOf`/`not`,
 * string and number bounds, `pattern`, common `format`s, local `$ref`s).
 *
 * @returns Every problem found, each located by a dotted path; empty when the value matches.
 */
export function checkJsonSchema(schema: object, value: unknown): JsonSchemaIssue[] {
  const root = schema as Schema;
  return checkNode(root, root, value, '', 0);
}
