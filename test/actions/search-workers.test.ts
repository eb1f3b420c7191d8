import { useSandboxFixture } from '../helpers/sandbox-session';

type Output = {
  workers: Array<{ id: string; descriptor: string }>;
  total: number;
  complete: boolean;
};

const f = useSandboxFixture();

describe('search_workers', () => {
  it('finds workers by name text', async () => {
    const result = (await f
      .session('us')
      .runAction('search_workers', { search: 'mcneil' })) as Output;
    expect(result.workers.length).toBeGreaterThan(0);
    expect(result.workers.every((w) => /mcneil/i.test(w.descriptor))).toBe(true);
    expect(result).toMatchObject({ total: result.workers.length, complete: true });
  });

  it('returns the same workers in the same order whatever the page concurrency', async () => {
    const sequential = (await f
      .session('us', { max_concurrency: 1 })
      .runAction('search_workers', { limit: 40 })) as Output;
    const parallel = (await f
      .session('us', { max_concurrency: 8 })
      .runAction('search_workers', { limit: 40 })) as Output;
    expect(parallel.workers.map((w) => w.id)).toEqual(sequential.workers.map((w) => w.id));
    expect(parallel.workers).toHaveLength(Math.min(40, parallel.total));
  });

  it('stops at the limit and says the list is incomplete', async () => {
    const result = (await f.session('us').runAction('search_workers', { limit: 3 })) as Output;
    expect(result.workers).toHaveLength(3);
    expect(result.total).toBeGreaterThan(3);
    expect(result.complete).toBe(false);
    expect(await f.count('rest.workers.list')).toBe(1);
  });
});
