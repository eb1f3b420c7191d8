import { isConnectorError } from '../../sdk/errors';
import {
  inboxTaskSchema,
  itemParser,
  parseCollectionEnvelope,
  workerSchema,
} from '../../workday/schemas';

const API = 'https://workday.com/ccx/api/api/v1/tenant';

// Values of the VMware fixture quoted in workday-payloads.md §1: no initiator, refs without href.
const vmwareTask = {
  id: 'fc844b7a8f6f813f79efb5ffd6115505',
  descriptor: 'Approval by Manager',
  href: `${API}/inboxTasks/fc844b7a8f6f813f79efb5ffd6115505`,
  assigned: '2019-11-25T05:32:49.001Z',
  due: '2019-11-26',
  stepType: { descriptor: 'Approval', id: 'd8c8920e446c11de98360015c5e6daf6' },
  status: { descriptor: 'Awaiting Action', id: 'd9e4108c446c11de98360015c5e6daf6' },
  subject: {
    descriptor: 'Ashton Burns',
    id: '1a6228638d1401a7e91052d2b14af008',
    href: `${API}/workers/1a6228638d1401a7e91052d2b14af008`,
  },
  overallProcess: {
    descriptor: 'Absence Request: Ashton Burns',
    id: 'fc844b7a8f6f01580738a5ffd6115105',
    href: `${API}/timeOffRequest/fc844b7a8f6f01580738a5ffd6115105`,
  },
};

describe('inboxTaskSchema', () => {
  it('accepts a real-shaped task without initiator and with href-less refs', () => {
    const task = inboxTaskSchema.parse({ ...vmwareTask, unknownField: 1 });
    expect(task.initiator).toBeUndefined();
    expect(task.stepType).toEqual({
      descriptor: 'Approval',
      id: 'd8c8920e446c11de98360015c5e6daf6',
    });
    expect(task).not.toHaveProperty('unknownField');
  });

  it('accepts a date-only assigned value and no due date', () => {
    const { due: _due, ...rest } = vmwareTask;
    expect(inboxTaskSchema.parse({ ...rest, assigned: '2025-03-24' }).assigned).toBe('2025-03-24');
  });

  it('refuses a task whose status reference has no id', () => {
    const parse = itemParser(inboxTaskSchema, 'inboxTasks');
    let caught: unknown;
    try {
      parse({ ...vmwareTask, status: { descriptor: 'Awaiting Action' } });
    } catch (error) {
      caught = error;
    }
    expect(isConnectorError(caught) && caught.code).toBe('unexpected_response');
    expect((caught as Error).message).toBe(
      'A Workday "inboxTasks" item has an unexpected shape: "status.id" Invalid input: expected string, received undefined.',
    );
  });
});

describe('workerSchema', () => {
  it('reads a worker with a supervisory organization', () => {
    expect(
      workerSchema.parse({
        id: '6dcb',
        descriptor: 'Abby Brennan [C]',
        href: `${API}/workers/6dcb`,
        isManager: false,
        primarySupervisoryOrganization: {
          descriptor: 'Global Support - USA Group',
          id: 'dd20',
          href: `${API}/supervisoryOrganizations/dd20`,
        },
      }),
    ).toMatchObject({
      id: '6dcb',
      isManager: false,
      primarySupervisoryOrganization: { id: 'dd20' },
    });
  });
});

describe('parseCollectionEnvelope()', () => {
  it('reads {total, data} and {data} alone', () => {
    expect(parseCollectionEnvelope({ total: 1, data: [{ id: 'a' }] }, 'workers')).toEqual({
      total: 1,
      data: [{ id: 'a' }],
    });
    expect(parseCollectionEnvelope({ data: [] }, 'workers')).toEqual({ data: [] });
  });

  it.each([
    null,
    [],
    { total: 1 },
    { total: -1, data: [] },
    { total: 1.5, data: [] },
    { data: {} },
  ])('refuses %j with unexpected_response', (body) => {
    expect(() => parseCollectionEnvelope(body, 'workers')).toThrow(
      /^The Workday "workers" response is not a collection/,
    );
  });
});
