import { FaultSpecError, parseFaultSpec } from '../../sandbox';

describe('parseFaultSpec()', () => {
  it('reads JSON', () => {
    expect(
      parseFaultSpec('{"rateLimit":{"every":3,"retryAfterSeconds":2,"match":"inboxTasks"}}'),
    ).toEqual({
      rateLimit: { every: 3, retryAfterSeconds: 2, match: 'inboxTasks' },
    });
  });

  it('reads the key=value shorthand with nesting, numbers, booleans and lists', () => {
    expect(
      parseFaultSpec(
        'rateLimit.every=3, rateLimit.retryAfterSeconds=1,latencyMs=50,latencyMatch=123,' +
          'serverError.probability=0.25,serverError.status=503,expireAccessTokens=true,' +
          'revokeRefreshTokens=CLIENT_A|CLIENT_B,malformed.kind=html,malformed.count=1',
      ),
    ).toEqual({
      rateLimit: { every: 3, retryAfterSeconds: 1 },
      latencyMs: 50,
      latencyMatch: '123',
      serverError: { probability: 0.25, status: 503 },
      expireAccessTokens: true,
      revokeRefreshTokens: ['CLIENT_A', 'CLIENT_B'],
      malformed: { kind: 'html', count: 1 },
    });
  });

  it('treats a single client id for revokeRefreshTokens as a list', () => {
    expect(parseFaultSpec('revokeRefreshTokens=CLIENT_A')).toEqual({
      revokeRefreshTokens: ['CLIENT_A'],
    });
    expect(parseFaultSpec('revokeRefreshTokens=true')).toEqual({ revokeRefreshTokens: true });
  });

  it.each([
    ['{"latencyMs": -1}', "Fault spec 'latencyMs' is invalid"],
    ['{"unknownFault": 1}', "Fault spec 'spec' is invalid"],
    ['{"malformed":{"kind":"xml"}}', "Fault spec 'malformed.kind' is invalid"],
    ['{"serverError":{"status":404}}', "Fault spec 'serverError.status' is invalid"],
    ['{not json', 'Fault spec JSON is not valid JSON.'],
    ['latencyMs', "Fault spec part 'latencyMs' is not key=value."],
    ['rateLimit.every=2', "Fault spec 'rateLimit.retryAfterSeconds' is invalid"],
  ])('refuses %s', (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(text)).toThrow(message);
  });
});
