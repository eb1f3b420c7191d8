import { z } from 'zod';
import { fetchCollection } from '../workday/collections';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { workersProbe } from '../workday/probes';
import { itemParser, workerSchema } from '../workday/schemas';
import { SAMPLE_WORKER } from '../workday/workers';

const MAX_LIMIT = 1000;
const parseWorker = itemParser(workerSchema, 'workers');

/** Searches workers by name or ID text (Workato "Search workers"). */
export const searchWorkers = defineAction({
  title: 'Search workers',
  subtitle: 'Find workers by name',
  description: 'Searches workers whose name or ID matches the search text.',
  help: "Results come in Workday's order, read in pages of 100, several pages at a time.",
  scopes: [FUNCTIONAL_AREAS.staffing],
  probes: [workersProbe],
  read_only: true,
  input_fields: z.object({
    search: z.string().trim().min(1).optional().meta({
      label: 'Search text',
      hint: 'Part of a name or worker ID, e.g. "McNeil". Leave empty to list workers.',
      sticky: true,
    }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_LIMIT)
      .default(100)
      .meta({ label: 'Limit', hint: `Most workers to return, 1 to ${MAX_LIMIT} (default 100).` }),
  }),
  output_fields: z.object({
    workers: z.array(workerSchema).meta({ label: 'Workers', records: true }),
    total: z.number().int().meta({ label: 'Matching workers', hint: "Workday's total count." }),
    complete: z.boolean().meta({
      label: 'Complete',
      hint: 'True when every matching worker was returned; otherwise raise Limit.',
    }),
  }),
  async execute({ connection, http, input }) {
    const result = await fetchCollection(
      http,
      parseWorkdayEndpoints(connection).commonPath('workers'),
      {
        limit: input.limit,
        concurrency: connection.max_concurrency,
        ...(input.search === undefined ? {} : { query: { search: input.search } }),
        parse: parseWorker,
        id: (worker) => worker.id,
      },
    );
    const total = result.total ?? result.items.length;
    return {
      workers: result.items,
      total,
      complete: result.complete && result.items.length >= total,
    };
  },
  sample_output: { workers: [SAMPLE_WORKER], total: 1, complete: true },
});
