import { FIGURES, FULL_CONFIG, QUICK_CONFIG, parseBenchArgs } from '../../bench/config';

const defaults = { outFile: '/x/results.json', cliPath: '/x/cli/main.js' };

describe('parseBenchArgs()', () => {
  it('runs every figure at the issue sizes by default', () => {
    const config = parseBenchArgs([], defaults);
    expect(config.only).toEqual(FIGURES);
    expect(config.b1).toEqual({ approvals: 2000, journals: 1000, concurrency: 16 });
    expect(config.b3.tasks).toBe(100_000);
    expect(config.b6.latencyMs).toBe(100);
    expect(config.sandboxMode).toBe('child');
    expect(config.outFile).toBe('/x/results.json');
  });

  it('shrinks the counts with --quick', () => {
    const config = parseBenchArgs(['--quick'], defaults);
    expect(config.runs).toBe(1);
    expect(config.b1.approvals).toBeLessThan(FULL_CONFIG.b1.approvals);
    expect(config.b3).toEqual(QUICK_CONFIG.b3);
  });

  it('reads --runs, --only, --inline-sandbox and --no-write', () => {
    const config = parseBenchArgs(
      ['--runs', '3', '--only', 'b2,b6', '--inline-sandbox', '--no-write'],
      defaults,
    );
    expect(config.runs).toBe(3);
    expect(config.only).toEqual(['b2', 'b6']);
    expect(config.sandboxMode).toBe('inline');
    expect(config.outFile).toBeUndefined();
  });

  it.each([
    [['--runs', '0'], /"--runs" must be a positive integer/],
    [['--only', 'b9'], /Unknown figure "b9"/],
    [['--out'], /Option "--out" needs a value/],
    [['--fast'], /Unknown option "--fast"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArgs(argv, defaults)).toThrow(message);
  });
});
