import { toConnectorError } from '../sdk/errors';
import { CLI_COMMAND } from './cli-name';
import type { Exchange } from '../sdk/http/types';
import type { Redactor } from '../sdk/redact';

/** How an error is printed. */
export interface FormatErrorOptions {
  /** Print the full `toJSON()` object instead of the `error [code]: message` line. */
  json?: boolean;
  /** Append the stack of internal errors (bugs), for a report. */
  stack?: boolean;
}

const BUG_HINT =
  'This is a bug in the connector; please report it with the command you ran (rerun with --verbose for the stack).';

/**
 * The SDK knows no command name and writes `` `connector doctor` `` in its hints; here the
 * command is invoked as {@link CLI_COMMAND} (`npx connector` would run an unrelated package).
 */
export function nameTheCommand(hint: string): string {
  return hint.replace(/`connector (?=[a-z])/g, `\`${CLI_COMMAND} `);
}

/**
 * Formats an error for stderr: `error [code]: message`, then `hint: ...` when there is one; or
 * with `json` the error's `toJSON()` object on one line. Everything passes through `redactor`.
 */
export function formatError(
  error: unknown,
  redactor: Redactor,
  options: FormatErrorOptions = {},
): string {
  const connectorError = toConnectorError(error);
  if (options.json) {
    const json = connectorError.toJSON();
    if (json.hint !== undefined) json.hint = nameTheCommand(json.hint);
    return `${JSON.stringify(redactor.redactValue(json))}\n`;
  }
  // Keep it one line even if a message carries a newline from a remote system.
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  const lines = [`error [${connectorError.code}]: ${oneLine(connectorError.message)}`];
  const hint = connectorError.hint ?? (connectorError.code === 'internal' ? BUG_HINT : undefined);
  if (hint !== undefined) lines.push(`hint: ${oneLine(nameTheCommand(hint))}`);
  if (options.stack && connectorError.code === 'internal') {
    const cause = connectorError.cause;
    const stack = cause instanceof Error ? cause.stack : connectorError.stack;
    if (stack !== undefined) lines.push(stack);
  }
  return `${redactor.redact(lines.join('\n'))}\n`;
}

/** Options of {@link formatExchange}. */
export interface FormatExchangeOptions {
  /**
   * Characters of each body shown before it is cut.
   * @default 500
   */
  maxBodyChars?: number;
}

/**
 * Renders one HTTP exchange for `--verbose` as readable lines:
 * `→ GET url`, the request body, `← 200 (12 ms)` and the response body, bodies indented and cut.
 */
export function formatExchange(exchange: Exchange, options: FormatExchangeOptions = {}): string[] {
  const max = options.maxBodyChars ?? 500;
  const retry = exchange.attempt > 1 ? ` (attempt ${exchange.attempt})` : '';
  const lines = [`→ ${exchange.method} ${exchange.url}${retry}`];
  if (exchange.requestBody !== undefined && exchange.requestBody !== '') {
    lines.push(...indentBody(exchange.requestBody, max));
  }
  const took = `(${Math.round(exchange.durationMs)} ms)`;
  if (exchange.status === undefined) {
    lines.push(`← no response ${took}${exchange.error === undefined ? '' : `: ${exchange.error}`}`);
  } else {
    lines.push(`← ${exchange.status} ${took}`);
  }
  if (exchange.responseBody !== undefined && exchange.responseBody !== '') {
    lines.push(...indentBody(exchange.responseBody, max));
  }
  return lines;
}

/** Cuts `text` to `max` characters, saying how much was left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function indentBody(body: string, max: number): string[] {
  return truncate(body.trimEnd(), max)
    .split(/\r?\n/)
    .map((line) => `  ${line}`);
}
