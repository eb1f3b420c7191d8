import { z } from 'zod';
import { fetchCollection } from '../workday/collections';
import { definePickList } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { itemParser } from '../workday/schemas';

/** More currencies than ISO 4217 has; the list is read in parallel pages of 100. */
const MAX_CURRENCIES = 1000;

// coreAccounting v1 currencies: `{id, descriptor, href}`; the ISO code is `code` when sent,
// else the descriptor (guess: the sandbox and the spec snapshot disagree on extra fields).
const currencySchema = z.object({
  id: z.string(),
  descriptor: z.string(),
  code: z.string().optional(),
  name: z.string().optional(),
});

const parseCurrency = itemParser(currencySchema, 'currencies');

/** `[label, ISO code]` for every currency of the tenant, e.g. `['USD – US Dollar', 'USD']`. */
export const currencies = definePickList(async ({ connection, http }) => {
  const path = parseWorkdayEndpoints(connection).servicePath('coreAccounting', 'v1', 'currencies');
  const { items } = await fetchCollection(http, path, {
    limit: MAX_CURRENCIES,
    concurrency: connection.max_concurrency,
    parse: parseCurrency,
    id: (currency) => currency.id,
  });
  return items.map((currency): [string, string] => {
    const code = currency.code ?? currency.descriptor;
    const label =
      currency.name === undefined || currency.name === code ? code : `${code} – ${currency.name}`;
    return [label, code];
  });
});
