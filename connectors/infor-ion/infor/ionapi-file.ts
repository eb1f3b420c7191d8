import { ConnectorError } from '../../../sdk/errors';
import type { InputIssue } from '../../../sdk/errors';

/** Keys every `.ionapi` file of a backend app has (other-systems.md §1.1). */
const REQUIRED = ['ti', 'ci', 'cs', 'iu', 'pu', 'ot'] as const;
/** Keys copied into the connection when present. */
const OPTIONAL = ['cn', 'oa', 'or', 'saak', 'sask', 'ev', 'v'] as const;

/** A `.ionapi` file turned into connection values, with what was left out. */
export interface ImportedIonApi {
  /** Connection values, named as in the file, plus `app_type`. */
  values: Record<string, string>;
  /** Keys of the file that are not connection fields (e.g. `dt`, `sc`). */
  ignored: string[];
}

/**
 * Reads the text of a `.ionapi` file into connection values: a JSON object whose required keys
 * are non-empty strings, `saak` and `sask` both or neither. The app type follows from them:
 * service-account keys mean the password grant; without them the app must have been registered
 * with the Client Credentials grant (its file has "cn, ci, cs, pu, and ot", §1.1).
 *
 * @throws ConnectorError `invalid_input` naming every missing or malformed key.
 */
export function parseIonApiFile(text: string, source: string): ImportedIonApi {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConnectorError(
      'invalid_input',
      `'${source}' is not JSON; an .ionapi file is a JSON object.`,
      {
        hint: 'Download it again from API Gateway > Authorized Apps > (app) > Download Credentials.',
      },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConnectorError('invalid_input', `'${source}' is not a JSON object of .ionapi keys.`, {
      hint: 'Download it again from API Gateway > Authorized Apps > (app) > Download Credentials.',
    });
  const file = parsed as Record<string, unknown>;
  const issues: InputIssue[] = [];
  const values: Record<string, string> = {};
  for (const key of REQUIRED) {
    const value = file[key];
    if (typeof value !== 'string' || value.trim() === '')
      issues.push({
        path: key,
        message: value === undefined ? 'is missing' : 'expected a non-empty string',
      });
    else values[key] = value.trim();
  }
  for (const key of OPTIONAL) {
    const value = file[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') issues.push({ path: key, message: 'expected a string' });
    else if (value.trim() !== '') values[key] = value.trim();
  }
  if ((values.saak === undefined) !== (values.sask === undefined))
    issues.push({
      path: values.saak === undefined ? 'saak' : 'sask',
      message: 'is missing: service account keys come as a pair (saak and sask)',
    });
  if (issues.length > 0)
    throw new ConnectorError(
      'invalid_input',
      `'${source}' is not a usable .ionapi file: ${issues.map((i) => `"${i.path}" ${i.message}`).join('; ')}.`,
      {
        hint: 'Download the credentials again from API Gateway > Authorized Apps; for a backend app with a service account choose "Create Service Account" when downloading.',
        details: { issues },
      },
    );
  values.app_type = values.saak === undefined ? 'client_credentials' : 'service_account';
  const used = new Set<string>([...REQUIRED, ...OPTIONAL]);
  // `dt` and `sc` (seen in every sample, meaning undocumented) and anything newer.
  const ignored = Object.keys(file).filter((key) => !used.has(key));
  return { values, ignored };
}
