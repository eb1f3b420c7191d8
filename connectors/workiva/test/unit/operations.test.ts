/**
 * waitForOperation against a scripted HTTP client and a fake clock: it honours Retry-After,
 * backs off up to its cap, stops at a terminal status, and returns unfinished at the deadline.
 */
import type { HttpClient, HttpRequestOptions, HttpResponse } from '../../../../sdk/define';
import { waitForOperation } from '../../workiva/operations';

function scripted(answers: Array<{ status: string; retryAfter?: string }>) {
  const urls: string[] = [];
  let i = 0;
  const http = {
    request: async <T>(options: HttpRequestOptions): Promise<HttpResponse<T>> => {
      urls.push(options.url);
      const a = answers[Math.min(i, answers.length - 1)]!;
      i += 1;
      return {
        status: 200,
        url: options.url,
        headers: a.retryAfter === undefined ? {} : { 'retry-after': a.retryAfter },
        data: { id: 'op1', status: a.status } as T,
      };
    },
  } as unknown as HttpClient;
  return { http, urls };
}

function fakeClock() {
  let now = 0;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    waits,
  };
}

test('waits the first Retry-After, then max(Retry-After, backoff) until completed', async () => {
  const { http, urls } = scripted([
    { status: 'queued', retryAfter: '3' },
    { status: 'started', retryAfter: '1' },
    { status: 'started' },
    { status: 'completed' },
  ]);
  const clock = fakeClock();
  const result = await waitForOperation(http, 'http://h/operations/op1', {
    firstDelayMs: 2000,
    timeoutMs: 60_000,
    now: clock.now,
    sleep: clock.sleep,
  });
  expect(result).toMatchObject({ finished: true, polls: 4, operation: { status: 'completed' } });
  // 2 s (202's Retry-After), 3 s (poll's Retry-After over 1 s backoff), 2 s backoff, 4 s backoff.
  expect(clock.waits).toEqual([2000, 3000, 2000, 4000]);
  expect(new Set(urls)).toEqual(new Set(['http://h/operations/op1']));
});

test('the backoff is capped', async () => {
  const { http } = scripted([
    ...Array.from({ length: 7 }, () => ({ status: 'started' })),
    { status: 'failed' },
  ]);
  const clock = fakeClock();
  const result = await waitForOperation(http, 'http://h/operations/op1', {
    firstDelayMs: 0,
    timeoutMs: 600_000,
    maxDelayMs: 5000,
    now: clock.now,
    sleep: clock.sleep,
  });
  expect(result.operation.status).toBe('failed');
  expect(Math.max(...clock.waits)).toBe(5000);
  expect(clock.waits).toEqual([0, 1000, 2000, 4000, 5000, 5000, 5000, 5000]);
});

test('returns unfinished at the deadline without sleeping past it', async () => {
  const { http } = scripted([{ status: 'started' }]);
  const clock = fakeClock();
  const result = await waitForOperation(http, 'http://h/operations/op1', {
    firstDelayMs: 1000,
    timeoutMs: 5000,
    now: clock.now,
    sleep: clock.sleep,
  });
  expect(result.finished).toBe(false);
  expect(result.operation.status).toBe('started');
  expect(clock.now()).toBe(5000);
});
