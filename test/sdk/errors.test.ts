import {
  ConnectorError,
  ERROR_CATEGORY,
  ERROR_CODES,
  isConnectorError,
  toConnectorError,
} from '../../sdk/errors';

describe('ConnectorError', () => {
  it('carries code, hint, details and a category derived from the code', () => {
    const error = new ConnectorError('insufficient_scope', 'No access to "inboxTasks".', {
      hint: 'Add the functional area.',
      details: { status: 403, functionalArea: 'Staffing' },
    });
    expect(error.category).toBe('auth');
    expect(error.toJSON()).toEqual({
      name: 'ConnectorError',
      code: 'insufficient_scope',
      message: 'No access to "inboxTasks".',
      hint: 'Add the functional area.',
      details: { status: 403, functionalArea: 'Staffing' },
    });
  });

  it('has a category for every published code', () => {
    for (const code of ERROR_CODES)
      expect(['input', 'auth', 'remote', 'internal']).toContain(ERROR_CATEGORY[code]);
  });

  it('recognises a look-alike from another copy of the class by name and code', () => {
    const foreign = Object.assign(new Error('x'), { name: 'ConnectorError', code: 'conflict' });
    expect(isConnectorError(foreign)).toBe(true);
    expect(isConnectorError(new Error('x'))).toBe(false);
  });

  it('wraps non-errors as internal errors keeping the cause', () => {
    const wrapped = toConnectorError('boom');
    expect(wrapped.code).toBe('internal');
    expect(wrapped.message).toBe('Unexpected failure: boom');
    expect(wrapped.cause).toBe('boom');
  });
});
