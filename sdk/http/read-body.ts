import { Transform, Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';

/** Why a body was not read to its end. */
export class BodyRefusedError extends Error {
  override name = 'BodyRefusedError';
  /**
   * @param reason `too_large` when the body passed `limitBytes` (on the wire, or once decoded);
   *   `undecodable` when its content-encoding is unknown or its compressed data is corrupt.
   */
  constructor(
    readonly reason: 'too_large' | 'undecodable',
    message: string,
    readonly limitBytes?: number,
  ) {
    super(message);
  }
}

// As axios does: a compressed body cut short still yields what arrived.
const ZLIB_OPTIONS = {
  flush: zlib.constants.Z_SYNC_FLUSH,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
};

/** A decoder for a `content-encoding`, `null` for none, `undefined` for one we do not know. */
function decoderFor(encoding: string): (() => Transform) | null | undefined {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return () => zlib.createGunzip(ZLIB_OPTIONS);
    case 'deflate':
      // RFC 9110 deflate is zlib-wrapped; createUnzip reads that and gzip alike.
      return () => zlib.createUnzip(ZLIB_OPTIONS);
    case 'br':
      return () => zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/** Counts bytes through a stream and fails once more than `limit` passed. */
function limiter(limit: number, onExceeded: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(onExceeded());
      else callback(null, chunk);
    },
  });
}

/** Options of {@link readBody}. */
export interface ReadBodyOptions {
  /** The response's `content-encoding` header. */
  contentEncoding: string | undefined;
  /** The most bytes read, both as received and once decoded. */
  limitBytes: number;
  /** Names the limit in messages, e.g. `maxResponseBytes.json`. */
  limitName: string;
  /** Ends the read (rejecting with an AbortError) when signalled. */
  signal: AbortSignal;
}

/**
 * Reads a response body as UTF-8 text, decompressing gzip, deflate and br as it streams: no more
 * than `limitBytes` are read from the socket, and no more than `limitBytes` are decoded, so a
 * compressed bomb stops after one chunk past the limit. A leading byte-order mark is dropped.
 *
 * @throws BodyRefusedError past the limit, or for an encoding that cannot be decoded.
 */
export async function readBody(source: Readable, options: ReadBodyOptions): Promise<string> {
  const encoding = (options.contentEncoding ?? '').trim().toLowerCase();
  const decoder = decoderFor(encoding);
  if (decoder === undefined) {
    source.destroy();
    throw new BodyRefusedError(
      'undecodable',
      `uses the content-encoding "${encoding}", which the client cannot decode`,
    );
  }
  const tooLarge = (stage: string) => () =>
    new BodyRefusedError(
      'too_large',
      `is larger than the ${options.limitBytes}-byte limit (${options.limitName}) ${stage}`,
      options.limitBytes,
    );
  const chunks: Buffer[] = [];
  const stages: Array<Readable | Transform> = [
    source,
    limiter(options.limitBytes, tooLarge('as received')),
  ];
  if (decoder !== null)
    stages.push(decoder(), limiter(options.limitBytes, tooLarge('once decompressed')));
  try {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    await pipeline([...stages, sink], { signal: options.signal });
  } catch (error: unknown) {
    if (error instanceof BodyRefusedError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_'))
      throw new BodyRefusedError(
        'undecodable',
        `could not be decompressed (${encoding}: ${(error as Error).message})`,
      );
    throw error;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
