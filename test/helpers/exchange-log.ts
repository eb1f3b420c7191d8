import type { Exchange } from '../../sdk/http/types';

/** Records a session's HTTP exchanges (its `onExchange`) and names them for order assertions. */
export interface ExchangeLog {
  /** Pass as the session's `onExchange`. */
  onExchange(exchange: Exchange): void;
  readonly exchanges: Exchange[];
  /**
   * Each exchange as `SOAP <Operation>`, `<METHOD> <path>` or `TOKEN`, with ` -> <status>` (or
   * ` -> no response`), in the order they finished.
   */
  steps(): string[];
  /** Only the SOAP operation names, in order. */
  soapOperations(): string[];
}

function soapOperation(exchange: Exchange): string | undefined {
  const action = exchange.requestHeaders['soapaction'];
  if (action !== undefined) return action.replace(/"/g, '').split('/').pop();
  const match = /<(?:\w+:)?Body>\s*<(?:\w+:)?(\w+)/.exec(exchange.requestBody ?? '');
  return match?.[1];
}

/** A fresh exchange recorder. */
export function createExchangeLog(): ExchangeLog {
  const exchanges: Exchange[] = [];
  const name = (exchange: Exchange): string => {
    const path = new URL(exchange.url).pathname;
    if (path.includes('/ccx/oauth2/')) return 'TOKEN';
    const operation = path.includes('/ccx/service/') ? soapOperation(exchange) : undefined;
    return operation === undefined ? `${exchange.method} ${path}` : `SOAP ${operation}`;
  };
  return {
    exchanges,
    onExchange: (exchange) => {
      exchanges.push(exchange);
    },
    steps: () =>
      exchanges.map(
        (e) => `${name(e)} -> ${e.status === undefined ? 'no response' : String(e.status)}`,
      ),
    soapOperations: () =>
      exchanges.map(name).flatMap((n) => (n.startsWith('SOAP ') ? [n.slice(5)] : [])),
  };
}
