import type { HttpClient } from '../../../sdk/define';
import { ConnectorError } from '../../../sdk/errors';
import { m3Execute } from './m3';

/** The M3 user a token acts as, and that user's default company and division. */
export interface M3User {
  user: string;
  company: string;
  division?: string;
}

/**
 * Reads the user behind the token with MNS150MI/GetUserData (a read every M3 user may run; it is
 * what M3 clients call first). Through a service account this is the ERP user it represents.
 */
export async function readM3User(http: HttpClient): Promise<M3User> {
  const [record] = await m3Execute(http, 'MNS150MI', 'GetUserData', {});
  const user = record?.USID;
  const company = record?.CONO;
  if (user === undefined || user === '' || company === undefined || company === '')
    throw new ConnectorError(
      'unexpected_response',
      'MNS150MI/GetUserData answered without USID and CONO.',
      {
        hint: 'Check that "iu" is the ION API Gateway URL and that the tenant has the M3 API suite.',
      },
    );
  const division = record?.DIVI;
  return { user, company, ...(division === undefined || division === '' ? {} : { division }) };
}
