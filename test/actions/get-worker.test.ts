import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();

describe('get_worker', () => {
  it('returns a worker by WID', async () => {
    const worker = await f
      .session('us')
      .runAction('get_worker', { worker_id: '1098bc33a7485eb30301db1e72cf738b' });
    expect(worker).toMatchObject({
      id: '1098bc33a7485eb30301db1e72cf738b',
      descriptor: 'Logan McNeil',
      businessTitle: 'Controller',
      isManager: true,
      primaryWorkEmail: 'logan.mcneil@acme-us.example.com',
      primarySupervisoryOrganization: { id: '5949a3b3ba0376a203cc8acb79ea376a' },
    });
  });

  it('returns the connected user for "me"', async () => {
    await expect(
      f.session('us').runAction('get_worker', { worker_id: 'me' }),
    ).resolves.toMatchObject({ id: '80ae94d57f6a500011b55f9533be1000' });
  });

  it('answers not_found naming the worker', async () => {
    await expect(
      f.session('us').runAction('get_worker', { worker_id: 'ffffffffffffffffffffffffffffffff' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'Worker "ffffffffffffffffffffffffffffffff" was not found.',
    });
  });
});
