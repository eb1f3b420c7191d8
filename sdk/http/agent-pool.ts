import * as http from 'node:http';
import * as https from 'node:https';

/** Sockets per host in a connection's keep-alive pool: enough for 16 concurrent requests. */
export const DEFAULT_MAX_SOCKETS = 16;

/** A keep-alive pool for both protocols. */
export interface AgentPool {
  http: http.Agent;
  https: https.Agent;
}

/** Creates a keep-alive pool; the caller destroys it when the connection closes. */
export function createAgentPool(maxSockets: number = DEFAULT_MAX_SOCKETS): AgentPool {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets }),
    https: new https.Agent({ keepAlive: true, maxSockets }),
  };
}
