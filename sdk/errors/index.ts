export { ERROR_CODES, ERROR_CATEGORY, isErrorCode } from './codes';
export type { ErrorCode, ErrorCategory } from './codes';
export { ConnectorError, isConnectorError, toConnectorError } from './connector-error';
export type {
  ConnectorErrorOptions,
  ErrorDetails,
  InputIssue,
  RemoteMessage,
} from './connector-error';
