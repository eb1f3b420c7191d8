// Runs libxml2 (the libxml2-wasm build) in a worker thread: the package is an ES module with a
// top-level await, which jest's CommonJS runtime cannot load, but a worker loads it natively.
// Messages in: { id, xsd, xml }; out: { id, errors: [{ message, line }] } (empty when valid).
// A SOAP envelope is not validated itself: its Body's element is, or each element inside a
// fault's detail, as wws-schema/validate.ts does.
import { parentPort } from 'node:worker_threads';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';

const NS = { soapenv: 'http://schemas.xmlsoap.org/soap/envelope/' };
const TARGETS =
  '/soapenv:Envelope/soapenv:Body/*[1][not(self::soapenv:Fault)]' +
  ' | /soapenv:Envelope/soapenv:Body/soapenv:Fault/detail/*';

function targets(document) {
  const root = document.root;
  const isEnvelope = root.name === 'Envelope' && root.namespaceUri === NS.soapenv;
  return isEnvelope ? document.find(TARGETS, NS) : [document];
}

let cached; // { xsd, schema, validator }: the schema is parsed once per distinct text

function validatorFor(xsd) {
  if (cached?.xsd === xsd) return cached.validator;
  if (cached !== undefined) {
    cached.validator.dispose();
    cached.schema.dispose();
  }
  const schema = XmlDocument.fromString(xsd);
  const validator = XsdValidator.fromDoc(schema);
  cached = { xsd, schema, validator };
  return validator;
}

parentPort.on('message', ({ id, xsd, xml }) => {
  let document;
  try {
    const validator = validatorFor(xsd);
    document = XmlDocument.fromString(xml);
    const errors = [];
    for (const target of targets(document)) {
      try {
        validator.validate(target);
      } catch (error) {
        if (!(error instanceof XmlValidateError)) throw error;
        errors.push(...error.details.map((d) => ({ message: d.message.trim(), line: d.line })));
      }
    }
    parentPort.postMessage({ id, errors });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort.postMessage({ id, errors: [{ message, line: 0 }], failed: true });
  } finally {
    document?.dispose();
  }
});
