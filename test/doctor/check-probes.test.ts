import { checkProbes } from '../../cli/doctor/check-probes';
import { ConnectorError } from '../../sdk/errors';
import type { ProbedOperation } from '../../cli/doctor/check-probes';
import type { Probe } from '../../sdk/define';

type C = Record<string, unknown>;

const probe = (name: string, scope: string): Probe<C> => ({
  name,
  scope,
  run: async () => undefined,
});
const workers = probe('GET workers/me', 'Staffing');
const inbox = probe('GET workers/me/inboxTasks', 'Tenant Non-Configurable');
// An equal probe written separately in another file: same name and area, another object.
const inboxCopy = probe('GET workers/me/inboxTasks', 'Tenant Non-Configurable');
const currencies = probe('GET coreAccounting currencies', 'Common Financial Management');
const journals = probe('SOAP Get_Journal_Sources', 'Common Financial Management');

const op = (
  kind: 'action' | 'trigger',
  name: string,
  ...probes: Probe<C>[]
): ProbedOperation<C> => ({
  kind,
  name,
  requirements: { scopes: [...new Set(probes.map((p) => p.scope))], probes },
});

const operations = [
  op('action', 'get_worker', workers),
  op('action', 'search_inbox_tasks', inbox),
  op('action', 'approve_reject_inbox_task', inboxCopy),
  op('action', 'post_journal_entry', journals),
  op('action', 'custom_action'),
  op('trigger', 'new_inbox_task', inbox),
];

describe('checkProbes()', () => {
  it('runs identical probes once and reports per operation', async () => {
    const ran: string[] = [];
    const results = await checkProbes({
      operations,
      account: 'ISU',
      runProbe: async (p) => {
        ran.push(p.name);
      },
    });
    expect(ran.sort()).toEqual([
      'GET workers/me',
      'GET workers/me/inboxTasks',
      'SOAP Get_Journal_Sources',
    ]);
    expect(results.map((r) => [r.check, r.status])).toEqual([
      ['actions.get_worker', 'pass'],
      ['actions.search_inbox_tasks', 'pass'],
      ['actions.approve_reject_inbox_task', 'pass'],
      ['actions.post_journal_entry', 'pass'],
      ['actions.custom_action', 'skip'],
      ['triggers.new_inbox_task', 'pass'],
    ]);
    expect(results[1]?.detail).toBe(
      'probes passed: GET workers/me/inboxTasks (Tenant Non-Configurable).',
    );
  });

  it('names the missing area and every operation that needs it', async () => {
    const results = await checkProbes({
      operations,
      account: 'ISU',
      runProbe: async (p) => {
        if (p.scope !== 'Staffing')
          throw new ConnectorError('insufficient_scope', 'Forbidden', { details: { status: 403 } });
      },
    });
    const search = results.find((r) => r.check === 'actions.search_inbox_tasks');
    expect(search).toMatchObject({ status: 'fail', code: 'insufficient_scope', category: 'auth' });
    expect(search?.detail).toBe(
      'GET workers/me/inboxTasks was refused (403): the API client lacks functional area Tenant ' +
        'Non-Configurable (needed by actions search_inbox_tasks, approve_reject_inbox_task; trigger ' +
        'new_inbox_task): add it in View API Clients → Edit API Client → Scope (Functional Areas).',
    );
    // The equal probe of the next operation was not run again, and its row refers back.
    const approve = results.find((r) => r.check === 'actions.approve_reject_inbox_task');
    expect(approve).toMatchObject({ status: 'fail', code: 'insufficient_scope' });
    expect(approve?.detail).toBe(
      'needs functional area Tenant Non-Configurable (or permission for it): GET workers/me/inboxTasks ' +
        'failed as diagnosed for actions.search_inbox_tasks.',
    );
    expect(results.find((r) => r.check === 'actions.get_worker')?.status).toBe('pass');
  });

  it('blames the security group when another probe of the same area passed', async () => {
    const results = await checkProbes({
      operations: [...operations, op('action', 'list_currencies', currencies)],
      account: 'ISU',
      runProbe: async (p) => {
        if (p === journals) {
          throw new ConnectorError(
            'insufficient_scope',
            'Processing error occurred. The task submitted is not authorized.',
          );
        }
      },
    });
    const post = results.find((r) => r.check === 'actions.post_journal_entry');
    expect(post?.detail).toContain(
      "the API client has functional area Common Financial Management (another probe passed), so the ISU's security group lacks permission for SOAP Get_Journal_Sources",
    );
  });

  it('turns a probe that throws a plain Error into an internal failure', async () => {
    const results = await checkProbes({
      operations: [op('action', 'get_worker', workers)],
      account: 'user',
      runProbe: async () => {
        throw new Error('boom');
      },
    });
    expect(results[0]).toMatchObject({ status: 'fail', code: 'internal' });
    expect(results[0]?.detail).toBe('GET workers/me failed: Unexpected failure: boom');
  });
});
