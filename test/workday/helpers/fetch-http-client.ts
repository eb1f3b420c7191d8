import { ConnectorError } from '../../../sdk/errors';
import type { HttpClient, HttpRequestOptions, HttpResponse } from '../../../sdk/define';

/**
 * A minimal HttpClient over fetch for the Workday-layer tests: Workato's base_uri rule, query
 * encoding, acceptStatus. It keeps these tests independent of the SDK client's retry machinery.
 */
export function createFetchHttpClient(baseUri: string): HttpClient & { requests: string[] } {
  const requests: string[] = [];
  async function request<T>(options: HttpRequestOptions): Promise<HttpResponse<T>> {
    const url = new URL(options.url, baseUri);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value])
        url.searchParams.append(key, String(item));
    }
    requests.push(`${options.method} ${url.pathname}${url.search}`);
    const init: RequestInit = { method: options.method, headers: { ...options.headers } };
    if (options.body !== undefined) init.body = options.body;
    if (options.json !== undefined) {
      init.body = JSON.stringify(options.json);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    if (options.signal !== undefined) init.signal = options.signal;
    const response = await fetch(url, init);
    const text = await response.text();
    const ok = response.ok || (options.acceptStatus ?? []).includes(response.status);
    if (!ok)
      throw new ConnectorError('remote_error', `HTTP ${response.status}`, {
        details: { status: response.status },
      });
    const data = (options.responseType === 'text' ? text : JSON.parse(text)) as T;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, headers, data, url: url.toString() };
  }
  const body = async <T>(options: HttpRequestOptions) => (await request<T>(options)).data;
  return {
    requests,
    request,
    get: (url, query) => body({ method: 'GET', url, ...(query ? { query } : {}) }),
    post: (url, json) => body({ method: 'POST', url, json }),
    put: (url, json, query) => body({ method: 'PUT', url, json, ...(query ? { query } : {}) }),
    patch: (url, json) => body({ method: 'PATCH', url, json }),
    delete: (url) => body({ method: 'DELETE', url }),
  };
}
