import * as path from 'node:path';
import { loadConnector } from '../../cli/load-connector';
import { testConnector } from './support/test-connector';

describe('loadConnector()', () => {
  it('returns the default export of a connector module', () => {
    expect(loadConnector(path.join(__dirname, 'support', 'connector-module'))).toBe(testConnector);
  });

  it('refuses a module whose default export is not a definition, as a bug', () => {
    const modulePath = path.join(__dirname, 'support', 'not-a-connector');
    expect(() => loadConnector(modulePath)).toThrow(
      expect.objectContaining({
        code: 'internal',
        message: `Connector module '${modulePath}' does not export a connector definition as its default export.`,
      }),
    );
  });

  it('refuses a module that cannot be loaded', () => {
    const modulePath = path.join(__dirname, 'support', 'missing');
    expect(() => loadConnector(modulePath)).toThrow(
      `Connector module '${modulePath}' could not be loaded.`,
    );
  });
});
