/**
 * `npm run n8n`: the connector in real n8n on this machine. Builds the package from
 * `connector.ts`, starts the embedded sandbox and `n8n start` on 127.0.0.1 with an owner account,
 * the sandbox's ISU credential and the example workflows imported, prints the editor URL and
 * login, and stops both on Ctrl-C.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildN8nPackage } from '../../platforms/n8n';
import { startSandbox } from '../../sandbox';
import { createN8nHome, importJson, setUpOwner, startN8nServer, repoRoot } from './n8n-process';
import { EXAMPLE_WORKFLOWS, exampleWorkflow, isuCredential } from './workflows';

async function main(): Promise<void> {
  const root = repoRoot();
  const dir = path.join(root, '.tmp', 'n8n-demo');
  await rm(dir, { recursive: true, force: true });
  process.stdout.write('Building the n8n package from connector.ts...\n');
  const pkg = await buildN8nPackage({
    entry: 'connector.ts',
    outDir: path.join(dir, 'pkg'),
    cwd: root,
    sourceRoot: root,
  });
  const sandbox = await startSandbox();
  const home = await createN8nHome(path.join(dir, 'home'), { tarball: pkg.tarball });
  await importJson(home, 'credentials', [
    isuCredential(sandbox.settings.connections.us as unknown as Record<string, unknown>),
  ]);
  await importJson(
    home,
    'workflow',
    EXAMPLE_WORKFLOWS.map((name) => exampleWorkflow(name)),
  );
  process.stdout.write('Starting n8n (about 15 seconds)...\n');
  const server = await startN8nServer(home);
  const owner = await setUpOwner(home);
  const stop = async () => {
    await server.stop();
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  process.stdout.write(
    [
      '',
      `n8n editor:  http://127.0.0.1:${home.port}/`,
      `login:       ${owner.email}`,
      `password:    ${owner.password}`,
      `sandbox:     ${sandbox.origin} (Workday tenant acme_us; credential "Workday (ISU)")`,
      `workflows:   ${EXAMPLE_WORKFLOWS.join(', ')}`,
      `package:     ${pkg.tarball}`,
      '',
      'Ctrl-C stops n8n and the sandbox.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
