/**
 * The part of zapier-platform-core's `z` object and `bundle` the generated app uses. Declared
 * here so the package does not depend on zapier-platform-core: the app receives both from
 * Zapier at run time (`platform-runtimes/zapier/` installs the real one for the tests).
 */

type ErrorClass = new (message?: string) => Error;

/** `z`: Zapier's per-call toolbox; only its error classes are used. */
export interface ZObject {
  errors: {
    /** A failure shown to the user: message, code, HTTP status. */
    Error: new (message: string, code?: string, status?: number) => Error;
    /** Ask Zapier to renew the auth (session perform / OAuth2 refresh), then retry the call. */
    RefreshAuthError: ErrorClass;
    /** The connection is no longer valid: the user must reconnect. */
    ExpiredAuthError: ErrorClass;
    /** Ask Zapier to retry later, after `delay` seconds. */
    ThrottledError: new (message: string, delay?: number) => Error;
  };
}

/** `bundle`: what Zapier passes to every function. */
export interface Bundle {
  /** The stored authentication: form fields plus what auth functions returned. */
  authData?: Record<string, unknown>;
  /** The step's input (or, in auth functions, the form and OAuth2 callback values). */
  inputData?: Record<string, unknown>;
  meta?: { isLoadingSample?: boolean; limit?: number; page?: number };
}

/** Any function Zapier calls. */
export type ZapierFunction<T> = (z: ZObject, bundle: Bundle) => Promise<T>;
