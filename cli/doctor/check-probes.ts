import { toConnectorError } from '../../sdk/errors';
import { classifyProbeError, repeatedProbeError } from './classify-probe-error';
import { failed, passed, skipped } from './report';
import type { Probe, Requirements } from '../../sdk/define';
import type { ConnectorError } from '../../sdk/errors';
import type { CheckResult } from './report';

/** One action or trigger with what it needs. */
export interface ProbedOperation<C> {
  kind: 'action' | 'trigger';
  name: string;
  requirements: Requirements<C>;
}

/** Options of {@link checkProbes}. */
export interface CheckProbesOptions<C> {
  operations: ReadonlyArray<ProbedOperation<C>>;
  /** Runs one probe with the connection (the session's `runProbe`). */
  runProbe: (probe: Probe<C>) => Promise<unknown>;
  /** Who the token acts for. */
  account: 'ISU' | 'user';
}

interface ProbeRun<C> {
  probe: Probe<C>;
  error?: ConnectorError;
  /** The first row whose detail carries the full diagnosis of this probe's failure. */
  diagnosedIn?: string;
}

/** Identical probes (same name and area) are run once, however many operations list them. */
function probeKey(probe: { name: string; scope: string }): string {
  return `${probe.scope}\u0000${probe.name}`;
}

function operationLabel(op: { kind: 'action' | 'trigger'; name: string }): string {
  return `${op.kind === 'action' ? 'actions' : 'triggers'}.${op.name}`;
}

/** "actions a, b; trigger c" for the operations that declare `scope`. */
function neededBy<C>(operations: ReadonlyArray<ProbedOperation<C>>, scope: string): string {
  const using = operations.filter(
    (op) =>
      op.requirements.scopes.includes(scope) ||
      op.requirements.probes.some((probe) => probe.scope === scope),
  );
  const names = (kind: 'action' | 'trigger') =>
    using.filter((op) => op.kind === kind).map((op) => op.name);
  const actions = names('action');
  const triggers = names('trigger');
  return [
    actions.length === 0
      ? ''
      : `${actions.length === 1 ? 'action' : 'actions'} ${actions.join(', ')}`,
    triggers.length === 0
      ? ''
      : `${triggers.length === 1 ? 'trigger' : 'triggers'} ${triggers.join(', ')}`,
  ]
    .filter((part) => part !== '')
    .join('; ');
}

/**
 * Check 6: runs every distinct probe of every action and trigger once, then reports per
 * operation — passed, or the diagnosis of each failing probe (missing functional area with the
 * operations that need it, missing security permission, rejected token). The full diagnosis is
 * given in the first row a failing probe appears in; later rows refer back to it.
 */
export async function checkProbes<C>(options: CheckProbesOptions<C>): Promise<CheckResult[]> {
  const runs = new Map<string, ProbeRun<C>>();
  for (const op of options.operations) {
    for (const probe of op.requirements.probes) {
      if (!runs.has(probeKey(probe))) runs.set(probeKey(probe), { probe });
    }
  }
  await Promise.all(
    [...runs.values()].map(async (run) => {
      try {
        await options.runProbe(run.probe);
      } catch (error: unknown) {
        run.error = toConnectorError(error);
      }
    }),
  );
  const provenAreas = new Set(
    [...runs.values()].filter((run) => run.error === undefined).map((run) => run.probe.scope),
  );

  return options.operations.map((op) => {
    const check = operationLabel(op);
    const probes = op.requirements.probes;
    if (probes.length === 0) {
      return skipped(check, 'declares no probes, so its permissions cannot be checked.');
    }
    const results = probes.map((probe) => runs.get(probeKey(probe)) as ProbeRun<C>);
    const failures = results.filter((run) => run.error !== undefined);
    const facts = {
      probes: results.map((run) => ({
        name: run.probe.name,
        scope: run.probe.scope,
        ok: run.error === undefined,
        ...(run.error === undefined ? {} : { code: run.error.code }),
      })),
    };
    if (failures.length === 0) {
      const list = probes.map((probe) => `${probe.name} (${probe.scope})`).join(', ');
      return passed(check, `probes passed: ${list}.`, facts);
    }
    const detail = failures
      .map((run) => {
        if (run.diagnosedIn !== undefined) {
          return repeatedProbeError(run.error, run.probe.name, run.probe.scope, run.diagnosedIn);
        }
        run.diagnosedIn = check;
        return classifyProbeError(run.error, {
          probe: run.probe.name,
          scope: run.probe.scope,
          neededBy: neededBy(options.operations, run.probe.scope),
          account: options.account,
          areaProven: provenAreas.has(run.probe.scope),
        });
      })
      .join(' ');
    return failed(check, detail, (failures[0]?.error as ConnectorError).code, facts);
  });
}
