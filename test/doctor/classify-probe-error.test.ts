import { classifyProbeError, repeatedProbeError } from '../../cli/doctor/classify-probe-error';
import { ConnectorError } from '../../sdk/errors';
import type { ProbeFailureContext } from '../../cli/doctor/classify-probe-error';

const base: ProbeFailureContext = {
  probe: 'GET workers/me/inboxTasks',
  scope: 'Tenant Non-Configurable',
  neededBy: 'actions search_inbox_tasks, approve_reject_inbox_task; trigger new_inbox_task',
  account: 'ISU',
  areaProven: false,
};

const forbidden = new ConnectorError(
  'insufficient_scope',
  'Request failed with status 403 Forbidden: GET https://x',
  {
    details: { status: 403 },
  },
);
const soapNotAuthorized = new ConnectorError(
  'insufficient_scope',
  'Workday refused Get_Journal_Sources: Processing error occurred. The task submitted is not authorized.',
  {
    details: {
      status: 500,
      remoteMessages: [
        { message: 'Processing error occurred. The task submitted is not authorized.' },
      ],
    },
  },
);

describe('classifyProbeError()', () => {
  it('names the missing functional area and who needs it on a 403', () => {
    expect(classifyProbeError(forbidden, base)).toBe(
      'GET workers/me/inboxTasks was refused (403): the API client lacks functional area Tenant ' +
        'Non-Configurable (needed by actions search_inbox_tasks, approve_reject_inbox_task; trigger ' +
        'new_inbox_task): add it in View API Clients → Edit API Client → Scope (Functional Areas).',
    );
  });

  it('blames the security group when the area works for another probe', () => {
    const detail = classifyProbeError(forbidden, { ...base, areaProven: true });
    expect(detail).toContain(
      "the ISU's security group lacks permission for GET workers/me/inboxTasks",
    );
    expect(detail).not.toContain('lacks functional area');
  });

  it('reads a SOAP "not authorized" fault as area or security group', () => {
    const context = {
      ...base,
      probe: 'SOAP Get_Journal_Sources',
      scope: 'Common Financial Management',
      neededBy: 'action post_journal_entry',
    };
    expect(classifyProbeError(soapNotAuthorized, context)).toBe(
      'Workday answered "The task submitted is not authorized" to SOAP Get_Journal_Sources: the ' +
        "ISU's security group lacks permission for it (web services are secured by domain and " +
        'business-process security): grant the domain permission to the security group (Maintain ' +
        'Permissions for Security Group) and activate pending security policy changes. The call used an ' +
        'OAuth token, so also check that the API client has functional area Common Financial Management ' +
        '(needed by action post_journal_entry) in View API Clients → Edit API Client → Scope (Functional Areas).',
    );
    expect(classifyProbeError(soapNotAuthorized, { ...context, areaProven: true })).toMatch(
      /the API client has functional area Common Financial Management \(another probe passed\), so the ISU's security group lacks permission for SOAP Get_Journal_Sources/,
    );
  });

  it('says the token was rejected on a 401 after refresh, never "unauthorized" alone', () => {
    const error = new ConnectorError('unauthorized', 'Request failed with status 401', {
      details: { status: 401 },
    });
    const detail = classifyProbeError(error, { ...base, account: 'user' });
    expect(detail).toMatch(
      /^Workday rejected the access token on GET workers\/me\/inboxTasks even after one refresh \(401\)/,
    );
  });

  it('refers back to the first diagnosis in later rows', () => {
    expect(
      repeatedProbeError(forbidden, base.probe, base.scope, 'actions.search_inbox_tasks'),
    ).toBe(
      'needs functional area Tenant Non-Configurable (or permission for it): GET workers/me/inboxTasks ' +
        'failed as diagnosed for actions.search_inbox_tasks.',
    );
    const reset = new ConnectorError('transport', 'socket hang up');
    expect(repeatedProbeError(reset, base.probe, base.scope, 'actions.x')).toBe(
      'cannot run (transport): GET workers/me/inboxTasks failed as diagnosed for actions.x.',
    );
  });

  it('keeps the message and hint of other failures', () => {
    const error = new ConnectorError('rate_limited', 'Too many requests.', { hint: 'Wait 30 s.' });
    expect(classifyProbeError(error, base)).toBe(
      'GET workers/me/inboxTasks failed: Too many requests. Wait 30 s.',
    );
  });
});
