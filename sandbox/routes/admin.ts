/**
 * `/_sandbox/*`: introspection and control for tests and benchmarks. No auth, not counted in
 * `requests`, never subject to faults.
 */
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { ControlInputError } from '../controller';
import type { SandboxController } from '../controller';
import { FaultSpecError } from '../fault-spec';

const config = { sandbox: { routeName: 'admin', kind: 'admin' as const } };

const adminRoutes: FastifyPluginAsync<{ controller: SandboxController }> = async (
  app,
  { controller },
) => {
  app.setErrorHandler((error: FastifyError | Error, _request, reply) => {
    const known = error instanceof ControlInputError || error instanceof FaultSpecError;
    const fastifyStatus = 'statusCode' in error ? error.statusCode : undefined;
    const status = known ? 400 : (fastifyStatus ?? 500);
    return reply.code(status).send({ error: status < 500 ? error.message : 'Internal error.' });
  });

  app.get('/_sandbox/state', { config }, async () => controller.state());

  app.post('/_sandbox/reset', { config }, async () => {
    controller.reset();
    return { reset: true };
  });

  app.get('/_sandbox/faults', { config }, async () => controller.faults());

  app.post('/_sandbox/faults', { config }, async (request) => {
    controller.setFaults(request.body ?? {});
    return controller.faults();
  });

  app.delete('/_sandbox/faults', { config }, async () => {
    controller.setFaults({});
    return controller.faults();
  });

  // Body `{"ms": 0}`: how long import processes received from now on run.
  app.post('/_sandbox/import-delay', { config }, async (request) => {
    const ms: unknown = (request.body as { ms?: unknown } | null)?.ms;
    controller.setImportDelay(typeof ms === 'number' ? ms : Number.NaN);
    return { ms };
  });

  app.post('/_sandbox/inbox-tasks', { config }, async (request) =>
    controller.addInboxTasks(request.body),
  );
};

export default adminRoutes;
