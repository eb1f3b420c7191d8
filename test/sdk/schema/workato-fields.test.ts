import { z } from 'zod';
import { labelize, secretFieldNames, toWorkatoFields } from '../../../sdk/schema';

describe('toWorkatoFields()', () => {
  it('maps scalar types, optional/default, labels and hints from meta and describe()', () => {
    const fields = toWorkatoFields(
      z.object({
        journal_id: z.string(),
        amount: z.number().optional(),
        count: z.int().default(5).describe('How many lines.'),
        active: z.boolean().meta({ label: 'Is active', hint: 'Only active ones.', sticky: true }),
        posted_on: z.iso.date(),
        posted_at: z.iso.datetime().optional(),
      }),
    );
    expect(fields).toEqual([
      { name: 'journal_id', label: 'Journal ID', type: 'string', optional: false },
      { name: 'amount', label: 'Amount', type: 'number', optional: true },
      {
        name: 'count',
        label: 'Count',
        type: 'integer',
        optional: true,
        default: 5,
        hint: 'How many lines.',
      },
      {
        name: 'active',
        label: 'Is active',
        type: 'boolean',
        optional: false,
        hint: 'Only active ones.',
        sticky: true,
      },
      {
        name: 'posted_on',
        label: 'Posted on',
        type: 'date',
        optional: false,
        control_type: 'date',
      },
      {
        name: 'posted_at',
        label: 'Posted at',
        type: 'date_time',
        optional: true,
        control_type: 'date_time',
      },
    ]);
  });

  it('keeps meta set inside an optional() wrapper', () => {
    const [field] = toWorkatoFields(
      z.object({ memo: z.string().meta({ label: 'Memo text', hint: 'Free text.' }).optional() }),
    );
    expect(field).toMatchObject({ label: 'Memo text', hint: 'Free text.', optional: true });
  });

  it('nests objects as properties and arrays of objects as of + properties', () => {
    const [header, lines, tags] = toWorkatoFields(
      z.object({
        header: z.object({ company: z.string(), memo: z.string().optional() }),
        lines: z.array(z.object({ debit: z.string().optional(), account: z.string() })),
        tags: z.array(z.string()).optional(),
      }),
    );
    expect(header).toEqual({
      name: 'header',
      label: 'Header',
      type: 'object',
      optional: false,
      properties: [
        { name: 'company', label: 'Company', type: 'string', optional: false },
        { name: 'memo', label: 'Memo', type: 'string', optional: true },
      ],
    });
    expect(lines).toEqual({
      name: 'lines',
      label: 'Lines',
      type: 'array',
      optional: false,
      of: 'object',
      properties: [
        { name: 'debit', label: 'Debit', type: 'string', optional: true },
        { name: 'account', label: 'Account', type: 'string', optional: false },
      ],
    });
    expect(tags).toEqual({
      name: 'tags',
      label: 'Tags',
      type: 'array',
      optional: true,
      of: 'string',
    });
  });

  it('turns enums into selects with [label, value] options and honours pick_list', () => {
    const [action, currency] = toWorkatoFields(
      z.object({
        action: z.enum(['approve', 'deny']),
        currency: z.string().meta({ pick_list: 'currencies' }),
      }),
    );
    expect(action).toMatchObject({
      type: 'string',
      control_type: 'select',
      options: [
        ['Approve', 'approve'],
        ['Deny', 'deny'],
      ],
    });
    expect(currency).toMatchObject({ control_type: 'select', pick_list: 'currencies' });
  });

  it('shows secret fields as passwords and lists them with secretFieldNames()', () => {
    const schema = z.object({
      client_id: z.string(),
      client_secret: z.string().meta({ secret: true }),
      refresh_token: z.string().meta({ secret: true }).optional(),
    });
    expect(toWorkatoFields(schema)[1]).toMatchObject({ control_type: 'password' });
    expect(toWorkatoFields(schema)[0]?.control_type).toBeUndefined();
    expect(secretFieldNames(schema)).toEqual(['client_secret', 'refresh_token']);
  });
});

describe('labelize()', () => {
  it.each([
    ['journal_id', 'Journal ID'],
    ['restApiEndpoint', 'REST API endpoint'],
    ['soap_version', 'SOAP version'],
    ['name', 'Name'],
  ])('labelizes %s as %s', (name, label) => {
    expect(labelize(name)).toBe(label);
  });
});
