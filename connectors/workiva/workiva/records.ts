/** Shapes of the Platform API answers the actions read (§3.2), checked before use. */
import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';

const stamp = z.looseObject({
  dateTime: z.string().optional(),
  user: z.looseObject({ id: z.string() }).optional(),
});

export const fileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.string().optional(),
  type: z.string().optional(),
  container: z.string().nullish(),
  template: z.boolean().optional(),
  state: z.string().optional(),
  created: stamp.optional(),
  modified: stamp.optional(),
});
export type WorkivaFile = z.output<typeof fileSchema>;

export const filesPageSchema = z.looseObject({
  data: z.array(fileSchema),
  '@nextLink': z.string().nullish(),
});

export const sheetSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  index: z.number().int().optional(),
});
export const sheetsPageSchema = z.looseObject({
  data: z.array(sheetSchema),
  '@nextLink': z.string().nullish(),
});

export const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const rangeValuesSchema = z.looseObject({
  data: z.array(z.looseObject({ range: z.string(), values: z.array(z.array(cellSchema)) })),
  '@nextLink': z.string().nullish(),
});

/** Parses an answer, naming what did not fit. */
export function parseAnswer<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConnectorError(
    'unexpected_response',
    `Workiva's ${what} answer has an unexpected shape at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}.`,
  );
}
