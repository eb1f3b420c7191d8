/** Workday's error texts (REST `errors[]`, SOAP faults) are clipped like any remote system's. */
export { clipRemoteText, MAX_REMOTE_TEXT_CHARS } from '../sdk/http/error-body';
