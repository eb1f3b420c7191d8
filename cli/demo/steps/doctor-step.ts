import { FUNCTIONAL_AREAS } from '../../../workday/functional-areas';
import { renderDoctorReport } from '../../doctor/render-table';
import { check } from '../demo-context';
import { passLine } from '../format';
import type { DemoContext, DemoStep } from '../demo-context';

// us_limited is registered with Staffing only (fixtures/sandbox): these are the areas it lacks.
const MISSING_AREAS = [
  FUNCTIONAL_AREAS.tenantNonConfigurable,
  FUNCTIONAL_AREAS.commonFinancialManagement,
];

function indent(block: string): string {
  return block
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : `    ${line}`))
    .join('\n');
}

async function run(context: DemoContext): Promise<void> {
  const healthy = await context.doctor('us');
  context.write(`${indent(renderDoctorReport({ ok: healthy.ok, connections: [healthy] }))}\n\n`);
  check(healthy.ok, "doctor found problems with connection 'us', which should be healthy");

  const limited = await context.doctor('us_limited');
  context.write(`${indent(renderDoctorReport({ ok: limited.ok, connections: [limited] }))}\n\n`);
  const failures = limited.checks.filter((row) => row.status === 'fail');
  const named = MISSING_AREAS.filter((area) => failures.some((row) => row.detail.includes(area)));
  check(
    !limited.ok && named.length > 0,
    `doctor did not name a missing functional area for 'us_limited' (expected ${MISSING_AREAS.join(' or ')})`,
  );
  context.write(passLine("'us' is healthy"));
  context.write(
    passLine(
      `'us_limited' lacks the functional area${named.length > 1 ? 's' : ''} ${named.map((a) => `"${a}"`).join(' and ')}`,
    ),
  );
}

/** Step 1: `connector doctor` for a healthy connection and for one missing functional areas. */
export const doctorStep: DemoStep = { title: 'Doctor: us and us_limited', run };
