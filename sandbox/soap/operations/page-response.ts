import type { SoapValidationIssue } from '../../errors';
import { renderResponseElement, validationFault } from '../envelope';
import { paginate, readResponseFilter } from '../paging';
import type { OperationInput } from './operation';

/**
 * Ends a Get_ operation the way Workday does: reads `Response_Filter` (its issues join those the
 * operation found), answers a Validation_Fault if there are any, then checks the caller's
 * functional area (Workday validates before it authorizes, payloads §4(b)) and renders
 * `{operation}_Response` with one page of `all`. `Response_Data` is absent when the page is empty.
 */
export function respondWithPage<T>(
  input: OperationInput,
  operation: string,
  all: readonly T[],
  issues: SoapValidationIssue[],
  render: (item: T) => string,
): string {
  const page = readResponseFilter(input.request, input.requestXpath, issues);
  if (issues.length > 0) throw validationFault(issues);
  input.authorize();
  const { items, xml } = paginate(all, page);
  const data =
    items.length === 0 ? '' : `<wd:Response_Data>${items.map(render).join('')}</wd:Response_Data>`;
  return renderResponseElement(operation, input.version, xml + data);
}
