/**
 * Fuzz every input schema of the connector (each action's `input_fields`, the trigger's input and
 * closure) with random JSON: the runtime either accepts the value or refuses it with an
 * `invalid_input` ConnectorError whose issues name field paths — never another exception.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { z } from 'zod';
import connector from '../../connector';
import { ConnectorError } from '../../sdk/errors';
import { createSession } from '../../sdk/index';
import { parseWith } from '../../sdk/runtime/validate';
import { send, startRecordingServer, workdayConnectionAt } from '../helpers/recording-server';
import type { RecordingServer } from '../helpers/recording-server';

const ACTIONS = Object.entries(connector.actions);
const TRIGGERS = Object.entries(connector.triggers);

// Values that trip parsers: empty, huge, wrong types, look-alike numbers and dates, prototype keys.
const tricky = fc.constantFrom<unknown>(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0.1',
  '100.005',
  '2026-02-30',
  '2026-03-31',
  '2026-03-31T00:00:00Z',
  'approve',
  'reject',
  'Approval',
  'GET',
  '//evil.example',
  'https://evil.example/x',
  '../../x',
  '%2e%2e/x',
  'common/v1/{tenant}/workers',
  'USD',
  'JPY',
  '__proto__',
  'constructor',
  0,
  -0,
  1,
  -1,
  0.1,
  1e21,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  null,
  [],
  {},
);

function fieldNames(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape === undefined ? [] : Object.keys(shape);
}

/** Objects that use the schema's own field names (and journal-line names) with random values. */
function inputsFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = [
    ...fieldNames(schema),
    'ledger_account',
    'debit',
    'credit',
    'worktags',
    'type',
    'id',
  ];
  const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      tricky,
      fc.jsonValue({ maxDepth: 2 }),
      fc.array(fc.dictionary(fc.constantFrom(...keys), tie('v'), { maxKeys: 5 }), {
        maxLength: 4,
      }),
    ),
  })).v;
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }),
    fc.jsonValue({ maxDepth: 3 }),
    fc.anything({ maxDepth: 2 }),
  );
}

function expectTypedRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(ConnectorError);
  const e = error as ConnectorError;
  expect(e.code).toBe('invalid_input');
  expect(Array.isArray(e.details.issues)).toBe(true);
  expect(e.details.issues!.length).toBeGreaterThan(0);
  for (const issue of e.details.issues!) {
    expect(typeof issue.path).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

function parseOrRefuse(schema: z.ZodType, value: unknown): void {
  try {
    parseWith(schema, value, { what: 'The input', code: 'invalid_input' });
  } catch (error: unknown) {
    expectTypedRefusal(error);
  }
}

describe.each(ACTIONS)('actions.%s input_fields', (_name, action) => {
  it('parses or refuses any JSON with invalid_input', () => {
    fc.assert(
      fc.property(inputsFor(action.input_fields), (value) =>
        parseOrRefuse(action.input_fields, value),
      ),
      { numRuns: 250 },
    );
  });
});

describe.each(TRIGGERS)('triggers.%s', (_name, trigger) => {
  it('parses or refuses any input with invalid_input', () => {
    fc.assert(
      fc.property(inputsFor(trigger.input_fields), (value) =>
        parseOrRefuse(trigger.input_fields, value),
      ),
      { numRuns: 250 },
    );
  });

  it('parses or refuses any closure with invalid_input', () => {
    fc.assert(
      fc.property(inputsFor(trigger.closure_schema), (value) =>
        parseOrRefuse(trigger.closure_schema, value),
      ),
      { numRuns: 250 },
    );
  });
});

describe('through a session (the runtime path a recipe takes)', () => {
  // A stand-in Workday whose token endpoint refuses the refresh token: a value that passes
  // validation ends in reauthorization_required before any API call, so every outcome is typed.
  let server: RecordingServer;

  beforeAll(async () => {
    server = await startRecordingServer((_request, response) =>
      send(response, 400, JSON.stringify({ error: 'invalid_grant' })),
    );
  });

  afterAll(async () => {
    await server.close();
  });

  it('every action refuses or runs random input with a ConnectorError, never internal', async () => {
    const session = createSession(connector, {
      connection: workdayConnectionAt(server.origin, {
        clientSecret: randomUUID(),
        refreshToken: randomUUID(),
      }),
    });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ACTIONS.map(([name]) => name)),
          fc.jsonValue({ maxDepth: 3 }),
          async (name, input) => {
            const outcome = await session.runAction(name, input).then(
              () => undefined,
              (error: unknown) => error,
            );
            if (outcome === undefined) return;
            expect(outcome).toBeInstanceOf(ConnectorError);
            expect((outcome as ConnectorError).code).not.toBe('internal');
          },
        ),
        { numRuns: 300 },
      );
      const poll = await session.poll('new_inbox_task', { since: 'yesterday' }).catch((e) => e);
      expectTypedRefusal(poll);
    } finally {
      session.close();
    }
  });
});
