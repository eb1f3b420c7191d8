import type { SandboxState } from './types';

type TokenRequestCounts = SandboxState['tokenRequests'];
type GrantCounter = Exclude<keyof TokenRequestCounts, 'total'>;

function emptyTokenCounts(): TokenRequestCounts {
  return { authorization_code: 0, refresh_token: 0, client_credentials: 0, other: 0, total: 0 };
}

/** Exact request, token-request and socket counters; reset with the sandbox. */
export class Counters {
  total = 0;
  socketsOpened = 0;
  #byRoute = new Map<string, number>();
  #tokenRequests = emptyTokenCounts();

  countRequest(routeName: string): void {
    this.total += 1;
    this.#byRoute.set(routeName, (this.#byRoute.get(routeName) ?? 0) + 1);
  }

  /** Counts one token-endpoint request by the `grant_type` it asked for. */
  countTokenRequest(grantType: unknown): void {
    const key: GrantCounter =
      grantType === 'authorization_code' ||
      grantType === 'refresh_token' ||
      grantType === 'client_credentials'
        ? grantType
        : 'other';
    this.#tokenRequests[key] += 1;
    this.#tokenRequests.total += 1;
  }

  reset(): void {
    this.total = 0;
    this.socketsOpened = 0;
    this.#byRoute = new Map();
    this.#tokenRequests = emptyTokenCounts();
  }

  snapshot(): Pick<SandboxState, 'requests' | 'tokenRequests' | 'sockets'> {
    return {
      requests: { total: this.total, byRoute: Object.fromEntries(this.#byRoute) },
      tokenRequests: { ...this.#tokenRequests },
      sockets: { opened: this.socketsOpened },
    };
  }
}
