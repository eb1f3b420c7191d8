import { z } from 'zod';
import { ConnectorError, isConnectorError } from '../sdk/errors';
import { WORKDAY_ID_PATTERN } from '../workday/constants';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { workersProbe } from '../workday/probes';
import { itemParser, workerSchema } from '../workday/schemas';
import { SAMPLE_WORKER } from '../workday/workers';

const parseWorker = itemParser(workerSchema, 'workers');

/** Reads one worker by Workday ID (Workato "Get worker by ID"). */
export const getWorker = defineAction({
  title: 'Get worker',
  subtitle: 'Read one worker by ID',
  description: 'Gets a worker by Workday ID, or the connected user with "me".',
  scopes: [FUNCTIONAL_AREAS.staffing],
  probes: [workersProbe],
  read_only: true,
  input_fields: z.object({
    worker_id: z.string().trim().regex(WORKDAY_ID_PATTERN, 'must be "me" or a worker ID').meta({
      label: 'Worker ID',
      hint: 'Workday ID (WID) of the worker, e.g. from Search workers; "me" for the connected user.',
      sticky: true,
    }),
  }),
  output_fields: workerSchema,
  async execute({ connection, http, input }) {
    const id = input.worker_id;
    const path = parseWorkdayEndpoints(connection).commonPath(`workers/${encodeURIComponent(id)}`);
    try {
      return parseWorker(await http.get(path));
    } catch (error: unknown) {
      if (isConnectorError(error) && error.code === 'not_found') {
        throw new ConnectorError('not_found', `Worker "${id}" was not found.`, {
          hint: 'Check the worker ID (a WID); Search workers finds it by name.',
          details: error.details,
          cause: error,
        });
      }
      throw error;
    }
  },
  sample_output: SAMPLE_WORKER,
});
