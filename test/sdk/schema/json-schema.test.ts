import { z } from 'zod';
import { toJsonSchema } from '../../../sdk/schema';

describe('toJsonSchema()', () => {
  const schema = z.object({
    id: z.string().meta({ label: 'Task ID', hint: 'The Workday ID.' }),
    secret: z.string().meta({ secret: true }),
    count: z.int().default(1),
    lines: z.array(z.object({ amount: z.string() })),
  });

  it('describes required fields and maps label/hint/secret onto JSON Schema keywords', () => {
    const out = toJsonSchema(schema) as {
      type: string;
      required: string[];
      properties: Record<string, Record<string, unknown>>;
    };
    expect(out.type).toBe('object');
    // With io 'input' a field with a default may be left out.
    expect(out.required).toEqual(['id', 'secret', 'lines']);
    expect(out.properties.id).toEqual({
      type: 'string',
      title: 'Task ID',
      description: 'The Workday ID.',
    });
    expect(out.properties.secret).toEqual({ type: 'string', writeOnly: true });
    expect(out.properties.lines).toMatchObject({
      type: 'array',
      items: { type: 'object', required: ['amount'] },
    });
  });

  it('marks defaulted fields required on the output side', () => {
    const out = toJsonSchema(schema, { io: 'output' }) as { required: string[] };
    expect(out.required).toContain('count');
  });
});
