/**
 * `connector demo --connector infor-ion`: the Infor connector end to end against its simulator,
 * each step checked: the doctor on a healthy and a mixed-tenant connection, a GL batch posted,
 * posted again (a duplicate), and posted with its UpdBatch answer lost (updated once).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRedactor } from '../../sdk/redact';
import { createSession } from '../../sdk/runtime';
import { loadSettings, writeSettingsFile } from '../../sdk/settings';
import { doctorDemoLines } from './doctor/demo-lines';
import { diagnoseIonConnection } from './doctor/diagnose';
import connector from './connector';
import { startIonSimulator } from './simulator/index';

const batch = (key: string) => ({
  company: '100',
  batch_key: key,
  interface_template: 'PAYROLL',
  description: 'Payroll May',
  lines: [{ parm: 'I1;100;4000;1250.00' }, { parm: 'I1;100;1930;-1250.00' }],
});

/** Runs the demo, writing the transcript; returns the exit code (0 when every step did what it shows). */
export async function runIonDemo(write: (text: string) => void): Promise<number> {
  const sim = await startIonSimulator();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ion-demo-'));
  const redactor = createRedactor();
  for (const c of Object.values(sim.settings.connections))
    for (const v of [c.cs, c.sask, c.saak]) if (v !== undefined) redactor.add(v);
  const say = (line: string) => write(`${redactor.redact(line)}\n`);
  const failures: string[] = [];
  const expect = (ok: boolean, what: string) => {
    say(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  try {
    const file = path.join(dir, 'settings.json');
    await writeSettingsFile(file, sim.settings);
    const store = await loadSettings(file, {});
    say(`Infor ION simulator on ${sim.origin} (tenants ACME_TST, ACME_PRD)`);
    for (const name of ['prd', 'prd_with_tst_keys']) {
      const report = await diagnoseIonConnection({
        definition: connector as never,
        store,
        name,
        redactor,
      });
      say(`doctor ${name}:`);
      for (const line of doctorDemoLines(report)) say(line);
      expect(
        report.ok === (name === 'prd'),
        `doctor ${name} ${name === 'prd' ? 'passes' : 'names the mixed tenants'}`,
      );
    }
    const session = createSession(connector, { connection: sim.settings.connections.prd });
    try {
      const first = (await session.runAction('post_gl_batch', batch('DEMO001'))) as {
        stage?: string;
        steps: string[];
      };
      say(`post_gl_batch DEMO001: ${first.steps.join(' → ')} → ${first.stage ?? '?'}`);
      expect(first.stage === 'updated', 'the batch is updated in the GL');
      const again = (await session.runAction('post_gl_batch', batch('DEMO001'))) as {
        duplicate?: boolean;
      };
      expect(again.duplicate === true, 'posting DEMO001 again sends nothing (duplicate)');
      sim.setFaults({ loseAnswer: { transaction: 'UpdBatch', times: 1, how: 'reset' } });
      const lost = (await session.runAction('post_gl_batch', batch('DEMO002'))) as {
        steps: string[];
      };
      say(`post_gl_batch DEMO002 with the UpdBatch answer lost: ${lost.steps.join(' → ')}`);
      expect(
        sim.batch('ACME_PRD', '100', 'DEMO002')?.updates === 1,
        'DEMO002 is updated exactly once',
      );
    } finally {
      session.close();
    }
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
  say(
    failures.length === 0
      ? 'Infor demo: every step did what it shows.'
      : `Infor demo: ${failures.length} step(s) failed.`,
  );
  return failures.length === 0 ? 0 : 1;
}
