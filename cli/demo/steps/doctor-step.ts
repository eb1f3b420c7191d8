import { FUNCTIONAL_AREAS } from '../../../workday/functional-areas';
import { renderDoctorReport, wrapText } from '../../doctor/render-table';
import { check } from '../demo-context';
import { passLine, problemLine } from '../format';
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
  // Rows that read exactly as for 'us' (same client, same tenant) are named, not printed again.
  const same = limited.checks.filter((row) =>
    healthy.checks.some(
      (h) => h.check === row.check && h.status === row.status && h.detail === row.detail,
    ),
  );
  const differing = { ...limited, checks: limited.checks.filter((row) => !same.includes(row)) };
  context.write(`${indent(renderDoctorReport({ ok: limited.ok, connections: [differing] }))}\n`);
  if (same.length > 0)
    context.write(
      `${indent(wrapText(`As for 'us': ${same.map((row) => row.check).join(', ')}.`, 100).join('\n'))}\n`,
    );
  context.write('\n');
  const failures = limited.checks.filter((row) => row.status === 'fail');
  const named = MISSING_AREAS.filter((area) => failures.some((row) => row.detail.includes(area)));
  check(
    !limited.ok && named.length > 0,
    `doctor did not name a missing functional area for 'us_limited' (expected ${MISSING_AREAS.join(' or ')})`,
  );
  context.write(passLine("'us' is healthy"));
  // A misconfiguration the doctor found is the point of this step, but it is still a problem of
  // that connection: it gets the doctor's own failure mark, never a check mark.
  context.write(
    problemLine(
      `'us_limited' lacks the functional area${named.length > 1 ? 's' : ''} ${named.map((a) => `"${a}"`).join(' and ')}: found by the doctor, as this step shows`,
    ),
  );
}

/** Step 1: `connector doctor` for a healthy connection and for one missing functional areas. */
export const doctorStep: DemoStep = { title: 'Doctor: us and us_limited', run };
