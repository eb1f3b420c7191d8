import type { z } from 'zod';
import { unwrapSchema } from './zod-walk';

/** Names of the top-level fields of `schema` whose metadata says `secret: true`. */
export function secretFieldNames(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => unwrapSchema(field).meta.secret === true)
    .map(([name]) => name);
}
