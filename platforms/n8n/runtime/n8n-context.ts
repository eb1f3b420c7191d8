/**
 * The parts of n8n's execution contexts (`IExecuteFunctions`, `IPollFunctions`,
 * `ILoadOptionsFunctions`) the runtime calls, declared here because n8n-workflow is the
 * platform's peer dependency, not ours.
 */

/** A credential as a node refers to it. */
export interface N8nCredentialRef {
  id: string | null;
  name: string;
}

/** A request n8n's helpers send (`IHttpRequestOptions`, the keys used here). */
export interface N8nRequest {
  method: 'GET';
  url: string;
  headers: Record<string, string>;
}

/** n8n's request helpers. */
export interface N8nHelpers {
  httpRequestWithAuthentication(
    this: unknown,
    credentialsType: string,
    request: N8nRequest,
    additional?: {
      credentialsDecrypted?: {
        id: string | null;
        name: string;
        type: string;
        data: Record<string, unknown>;
      };
    },
  ): Promise<unknown>;
  refreshOAuth2Token?(this: unknown, credentialsType: string): Promise<Record<string, unknown>>;
}

/** What every context offers. */
export interface N8nContext {
  getNode(): { name: string; credentials?: Record<string, N8nCredentialRef> };
  getCredentials(type: string, itemIndex?: number): Promise<Record<string, unknown>>;
  helpers: N8nHelpers;
}

/** `IExecuteFunctions`. */
export interface N8nExecuteContext extends N8nContext {
  getInputData(): Array<{ json: unknown }>;
  getNodeParameter(name: string, itemIndex: number, fallback?: unknown): unknown;
  continueOnFail(): boolean;
}

/** `IPollFunctions`. */
export interface N8nPollContext extends N8nContext {
  getNodeParameter(name: string, fallback?: unknown): unknown;
  getWorkflowStaticData(type: 'node'): Record<string, unknown>;
}

/** `ILoadOptionsFunctions`. */
export interface N8nLoadOptionsContext extends N8nContext {
  getNodeParameter(name: string, fallback?: unknown): unknown;
}

/** One output item (`INodeExecutionData`). */
export interface N8nItem {
  json: Record<string, unknown>;
  pairedItem?: { item: number };
}
