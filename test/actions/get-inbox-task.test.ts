import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();

describe('get_inbox_task', () => {
  it('returns one task of the inbox with its references', async () => {
    const task = await f
      .session('us')
      .runAction('get_inbox_task', { inbox_task_id: '43229f94b95d6f17b238a0139a02dc9d' });
    expect(task).toMatchObject({
      id: '43229f94b95d6f17b238a0139a02dc9d',
      descriptor: 'Approval by Manager',
      stepType: { descriptor: 'Approval' },
      status: { descriptor: 'Awaiting Action' },
      overallProcess: { descriptor: expect.stringMatching(/^Absence Request: /) },
    });
    expect(await f.count('rest.inboxTasks.get')).toBe(1);
  });

  it('answers not_found naming the id', async () => {
    await expect(
      f
        .session('us')
        .runAction('get_inbox_task', { inbox_task_id: 'ffffffffffffffffffffffffffffffff' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message:
        'Inbox task "ffffffffffffffffffffffffffffffff" was not found in the connected user\'s inbox.',
    });
  });

  it('refuses an id with path characters before any call', async () => {
    await expect(
      f.session('us').runAction('get_inbox_task', { inbox_task_id: '../workers/me' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await f.state()).requests.total).toBe(0);
  });
});
