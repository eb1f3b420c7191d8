import type * as http from 'node:http';
import type * as https from 'node:https';
import { Readable } from 'node:stream';
import type { AxiosInstance } from 'axios';
import { transportCode } from './raw-axios';
import { BodyRefusedError, readBody } from './read-body';

/** One HTTP exchange to make: no retries, no redaction, no classification. */
export interface SendOnceOptions {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** A string, or a stream for bodies too large to hold (sent as it is produced). */
  data?: string | Readable;
  agents?: { http?: http.Agent | undefined; https?: https.Agent | undefined };
  /** Time from sending to the last byte of the body; past it the exchange is abandoned. */
  timeoutMs: number;
  /** Names the deadline that `timeoutMs` stands for in messages (e.g. `timeoutMs`). */
  deadline: string;
  /** The most bytes read of the body, as received and once decompressed. */
  maxBytes: number;
  /** Names the size limit in messages (e.g. `maxResponseBytes.json`). */
  maxBytesName: string;
  /** The caller's cancellation. */
  signal?: AbortSignal;
}

/** What one exchange ended with. */
export type SendOnceOutcome =
  | {
      kind: 'response';
      status: number;
      statusText: string;
      headers: Record<string, string>;
      body: string;
    }
  | {
      kind: 'transport';
      code: string;
      detail: string;
      /** Set when the deadline passed. */
      timeoutMs?: number;
      deadline?: string;
      cancelled?: boolean;
    }
  | {
      /** The answer arrived but was not read: too large, or encoded in a way we cannot decode. */
      kind: 'refused';
      status: number;
      reason: 'too_large' | 'undecodable';
      /** Completes "The response to GET url ...". */
      detail: string;
      limitBytes?: number;
    };

function flattenHeaders(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  const source =
    typeof (raw as { toJSON?: unknown }).toJSON === 'function'
      ? (raw as { toJSON(): unknown }).toJSON()
      : raw;
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/**
 * Sends one request and reads its answer within one deadline that covers connecting, waiting
 * and every body byte (a socket idle timeout alone lets a server that trickles a byte every few
 * seconds hold the caller forever), and within a size bound checked before and after
 * decompression (a declared `content-length` over it is refused before reading). Never throws.
 */
export async function sendOnce(
  instance: AxiosInstance,
  options: SendOnceOptions,
): Promise<SendOnceOutcome> {
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new Error(`deadline ${options.deadline} passed`)),
    options.timeoutMs,
  );
  const signal =
    options.signal === undefined
      ? deadline.signal
      : AbortSignal.any([deadline.signal, options.signal]);
  const failed = (error: unknown): SendOnceOutcome => {
    if (deadline.signal.aborted)
      return {
        kind: 'transport',
        code: 'ETIMEDOUT',
        detail: `no complete response within ${options.timeoutMs} ms`,
        timeoutMs: options.timeoutMs,
        deadline: options.deadline,
      };
    const detail = error instanceof Error ? error.message : String(error);
    if (options.signal?.aborted === true)
      return { kind: 'transport', code: 'ERR_CANCELED', detail, cancelled: true };
    return { kind: 'transport', code: transportCode(error), detail };
  };
  try {
    let response;
    try {
      response = await instance.request<Readable>({
        method: options.method,
        url: options.url,
        // Only what readBody decodes (axios would add `compress`, which it cannot decode either).
        headers: { 'accept-encoding': 'gzip, deflate, br', ...options.headers },
        data: options.data,
        // A streamed body has no length to check; axios's 10 MB default applies to buffers.
        ...(options.data instanceof Readable ? { maxBodyLength: Infinity } : {}),
        signal,
        ...(options.agents?.http === undefined ? {} : { httpAgent: options.agents.http }),
        ...(options.agents?.https === undefined ? {} : { httpsAgent: options.agents.https }),
      });
    } catch (error: unknown) {
      return failed(error);
    }
    const headers = flattenHeaders(response.headers);
    const refuse = (error: BodyRefusedError): SendOnceOutcome => ({
      kind: 'refused',
      status: response.status,
      reason: error.reason,
      detail: error.message,
      ...(error.limitBytes === undefined ? {} : { limitBytes: error.limitBytes }),
    });
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      response.data.destroy();
      return refuse(
        new BodyRefusedError(
          'too_large',
          `declares ${declared} bytes, more than the ${options.maxBytes}-byte limit (${options.maxBytesName})`,
          options.maxBytes,
        ),
      );
    }
    let body: string;
    try {
      body = await readBody(response.data, {
        contentEncoding: headers['content-encoding'],
        limitBytes: options.maxBytes,
        limitName: options.maxBytesName,
        signal,
      });
    } catch (error: unknown) {
      if (error instanceof BodyRefusedError) return refuse(error);
      return failed(error);
    }
    // The body is decoded now; the header would describe bytes nobody will see.
    delete headers['content-encoding'];
    return {
      kind: 'response',
      status: response.status,
      statusText: response.statusText ?? '',
      headers,
      body,
    };
  } finally {
    clearTimeout(timer);
  }
}
