// Compile-time proof of the SDK's typings: each `@ts-expect-error` line must fail to compile.
import { z } from 'zod';
import { forConnection } from '../../sdk/define';

type Conn = { tenant: string };
const { defineAction } = forConnection<Conn>();

defineAction({
  title: 'Echo',
  description: 'Echoes an id.',
  scopes: [],
  probes: [],
  input_fields: z.object({ id: z.string(), count: z.number().optional() }),
  output_fields: z.object({ id: z.string() }),
  sample_output: { id: 'a' },
  async execute({ input, connection }) {
    const id: string = input.id;
    // @ts-expect-error `missing` is not an input field
    void input.missing;
    // @ts-expect-error `count` may be undefined
    const n: number = input.count;
    void n;
    // @ts-expect-error the connection has no `host`
    void connection.host;
    return { id };
  },
});

defineAction({
  title: 'Wrong output',
  description: 'Returns the wrong shape.',
  scopes: [],
  probes: [],
  input_fields: z.object({}),
  output_fields: z.object({ id: z.string() }),
  // @ts-expect-error sample output must match output_fields
  sample_output: { id: 1 },
  // @ts-expect-error execute must return the output shape
  async execute() {
    return { id: 42 };
  },
});
