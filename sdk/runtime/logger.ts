import type { Logger } from '../define';
import type { Redactor } from '../redact';

const SILENT: Logger = { debug() {}, info() {}, warn() {} };

/** Wraps a logger so that every message and data object is redacted first. */
export function createRedactingLogger(target: Logger | undefined, redactor: Redactor): Logger {
  const sink = target ?? SILENT;
  const write =
    (level: keyof Logger) =>
    (message: string, data?: Record<string, unknown>): void => {
      const text = redactor.redact(message);
      if (data === undefined) sink[level](text);
      else sink[level](text, redactor.redactValue(data));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn') };
}
