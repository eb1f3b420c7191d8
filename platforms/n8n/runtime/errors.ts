/**
 * Connector errors as the n8n editor shows them: a NodeOperationError for input and settings
 * mistakes, a NodeApiError for what the remote API or the token endpoint said, each with the
 * connector's message and its hint as the description. The session has already redacted them.
 */
import { toConnectorError } from '../../../sdk/errors';
import type { ConnectorError } from '../../../sdk/errors';
import type { PlatformField } from '../../shared/field-model';

type NodeErrorClass = new (
  node: unknown,
  error: unknown,
  options?: Record<string, unknown>,
) => Error;

interface NodeErrors {
  NodeApiError: NodeErrorClass;
  NodeOperationError: NodeErrorClass;
}

class StandInNodeError extends Error {
  description: string | undefined;
  constructor(_node: unknown, error: unknown, options: Record<string, unknown> = {}) {
    super(typeof options.message === 'string' ? options.message : String(error));
    this.description = typeof options.description === 'string' ? options.description : undefined;
  }
}

let loaded: NodeErrors | undefined;

/**
 * n8n-workflow's error classes, from the n8n that loaded the package (n8n puts its own modules
 * on NODE_PATH). Outside n8n (unit tests of the runtime) a stand-in with the same fields is used.
 */
function nodeErrors(): NodeErrors {
  if (loaded !== undefined) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const workflow = require('n8n-workflow') as NodeErrors;
    loaded = {
      NodeApiError: workflow.NodeApiError,
      NodeOperationError: workflow.NodeOperationError,
    };
  } catch {
    loaded = { NodeApiError: StandInNodeError, NodeOperationError: StandInNodeError };
  }
  return loaded;
}

const OPERATION_CODES = new Set(['invalid_input', 'invalid_settings', 'internal']);

/** The hint, and for a revoked refresh token where to get a new one (the field's own hint). */
export function describeError(error: ConnectorError, refreshTokenField?: PlatformField): string {
  const parts = [error.hint];
  if (error.code === 'reauthorization_required' && refreshTokenField !== undefined)
    parts.push(
      `Then put the new value in the credential's "${refreshTokenField.label}" field. ${refreshTokenField.description ?? ''}`.trim(),
    );
  parts.push(`(error code ${error.code})`);
  return parts.filter((part) => part !== undefined && part !== '').join(' ');
}

/** An error for n8n's editor and execution log. */
export function toN8nError(
  node: unknown,
  caught: unknown,
  options: { itemIndex?: number; refreshTokenField?: PlatformField } = {},
): Error {
  const error = toConnectorError(caught);
  const { NodeApiError, NodeOperationError } = nodeErrors();
  const description = describeError(error, options.refreshTokenField);
  const common = {
    message: error.message,
    description,
    ...(options.itemIndex === undefined ? {} : { itemIndex: options.itemIndex }),
  };
  if (OPERATION_CODES.has(error.code)) return new NodeOperationError(node, error.message, common);
  const status = error.details.status;
  return new NodeApiError(
    node,
    { code: error.code, message: error.message },
    { ...common, ...(typeof status === 'number' ? { httpCode: String(status) } : {}) },
  );
}

/** The output item of a failed input under "continue on fail". */
export function errorItemJson(
  caught: unknown,
  refreshTokenField?: PlatformField,
): Record<string, unknown> {
  const error = toConnectorError(caught);
  return {
    error: error.message,
    code: error.code,
    hint: describeError(error, refreshTokenField),
  };
}
