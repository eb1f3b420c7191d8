/**
 * The program the self-test runs in a fresh `node` process, beside a copy of the bundle in a
 * temporary directory outside the repository. Plain CommonJS text, not a module of ours: the
 * point is that it can `require` nothing but Node's built-ins and the bundle.
 *
 * Protocol: one JSON request on stdin `{ bundle, connection? }` (the connection travels on stdin
 * because argv is visible to every user of the machine); one JSON report on stdout
 * `{ loaded, loadError?, title?, version?, actions?, triggers?, pick_lists?, hasCreateSession?,
 * outsideFiles?, test? }`.
 */
export const SELF_TEST_SCRIPT = String.raw`'use strict';
const path = require('node:path');

function errorFacts(error) {
  const e = error && typeof error === 'object' ? error : {};
  return {
    code: typeof e.code === 'string' ? e.code : 'internal',
    message: typeof e.message === 'string' ? e.message : String(error),
  };
}

async function main(request) {
  const report = { loaded: false };
  const bundlePath = path.resolve(__dirname, request.bundle);
  let bundle;
  try {
    bundle = require(bundlePath);
  } catch (error) {
    report.loadError = errorFacts(error).message;
    return report;
  }
  const definition = bundle && bundle.default;
  if (!definition || typeof definition !== 'object') {
    report.loadError = 'the bundle has no default export';
    return report;
  }
  report.loaded = true;
  report.title = definition.title;
  report.version = definition.version;
  report.actions = Object.keys(definition.actions || {});
  report.triggers = Object.keys(definition.triggers || {});
  report.pick_lists = Object.keys(definition.pick_lists || {});
  report.hasCreateSession = typeof bundle.createSession === 'function';
  // Anything loaded from outside this directory means the bundle is not self-contained.
  report.outsideFiles = Object.keys(require.cache).filter(
    (file) => path.dirname(file) !== __dirname,
  );
  if (request.connection !== undefined && report.hasCreateSession) {
    let session;
    try {
      session = bundle.createSession(definition, { connection: request.connection });
      const result = await session.test();
      report.test = { ok: true, result: result === undefined ? null : result };
    } catch (error) {
      report.test = Object.assign({ ok: false }, errorFacts(error));
    } finally {
      if (session && typeof session.close === 'function') session.close();
    }
  }
  return report;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  main(JSON.parse(input)).then(
    (report) => process.stdout.write(JSON.stringify(report), () => process.exit(0)),
    (error) => {
      process.stderr.write(errorFacts(error).message + '\n');
      process.exit(1);
    },
  );
});
`;
