import { platformFields } from '../../../platforms/shared';
import { decodeZapierInput } from '../../../platforms/zapier/runtime/decode-input';
import { exampleConnector } from './example-connector';

const fields = platformFields(exampleConnector.actions.place_order.input_fields);
const parse = (data: Record<string, unknown>) =>
  exampleConnector.actions.place_order.input_fields.safeParse(decodeZapierInput(fields, data));

describe('decodeZapierInput', () => {
  it("turns Zapier's flat form back into the connector's input", () => {
    const input = decodeZapierInput(fields, {
      rush: 'yes',
      note: '',
      channel: 'web',
      warehouse: 'n',
      customer__name: 'Ada',
      customer__email: '',
      tags: ['a', '', 'b'],
      items: [
        { items__sku: 'S1', items__quantity: '2', items__options: '[{"name":"size","value":"L"}]' },
        { sku: 'S2', quantity: 1 },
      ],
    });
    expect(input).toEqual({
      rush: true,
      channel: 'web',
      warehouse: 'n',
      customer: { name: 'Ada' },
      tags: ['a', 'b'],
      items: [
        { sku: 'S1', quantity: 2, options: [{ name: 'size', value: 'L' }] },
        { sku: 'S2', quantity: 1 },
      ],
    });
    expect(
      parse({ channel: 'web', warehouse: 'n', customer__name: 'Ada', items: [] }).success,
    ).toBe(true);
  });

  it('takes a whole object mapped from an earlier step as it is', () => {
    expect(decodeZapierInput(fields, { customer: { name: 'Ada', email: 'a@x' } })).toEqual({
      customer: { name: 'Ada', email: 'a@x' },
    });
  });

  it('leaves what does not convert for the connector to name', () => {
    const result = parse({
      rush: 'maybe',
      channel: 'web',
      warehouse: 'n',
      customer__name: 'Ada',
      items: [],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['rush']);
  });

  it('names a JSON field that does not parse', () => {
    expect(() =>
      decodeZapierInput(fields, {
        items: [{ items__sku: 'S1', items__quantity: '1', items__options: '[{' }],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: '"items.0.options" is not valid JSON.',
      }),
    );
  });
});
