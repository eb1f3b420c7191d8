import { doctorExitCode } from '../../cli/doctor/exit-code';
import { failed, passed } from '../../cli/doctor/report';
import type { CheckResult } from '../../cli/doctor/report';

const report = (...checks: CheckResult[]) => ({
  ok: checks.every((c) => c.status !== 'fail'),
  connections: [{ connection: 'us', ok: true, checks }],
});

describe('doctorExitCode()', () => {
  it('is 0 when nothing failed', () => {
    expect(doctorExitCode(report(passed('settings', 'ok')))).toBe(0);
  });

  it('is the auth code when any failure is about authorization', () => {
    expect(
      doctorExitCode(
        report(failed('a', 'x', 'remote_error'), failed('b', 'y', 'insufficient_scope')),
      ),
    ).toBe(3);
  });

  it('follows the first failure otherwise', () => {
    expect(doctorExitCode(report(failed('settings', 'x', 'invalid_settings')))).toBe(2);
    expect(doctorExitCode(report(failed('a', 'x', 'transport')))).toBe(4);
    expect(doctorExitCode(report(failed('a', 'x', 'internal')))).toBe(1);
  });
});
