import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** One libxml2 validity error. */
export interface Libxml2Error {
  message: string;
  line: number;
}

/** libxml2's XSD validation, in a worker thread (see libxml2-worker.mjs for why). */
export interface Libxml2 {
  /** libxml2's errors for `xml` against `xsd`; `[]` when the document is valid. */
  validate(xsd: string, xml: string): Promise<Libxml2Error[]>;
  close(): Promise<void>;
}

const SCRIPT = path.join(__dirname, 'libxml2-worker.mjs');

interface Answer {
  id: number;
  errors: Libxml2Error[];
  /** True when libxml2 could not run the validation at all (e.g. a broken XSD). */
  failed?: boolean;
}

/** Starts the worker; close it in `afterAll`. */
export function startLibxml2(): Libxml2 {
  const worker = new Worker(SCRIPT);
  const waiting = new Map<number, { resolve(e: Libxml2Error[]): void; reject(e: Error): void }>();
  let next = 0;
  worker.on('message', (answer: Answer) => {
    const entry = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.failed === true) entry?.reject(new Error(answer.errors[0]?.message));
    else entry?.resolve(answer.errors);
  });
  worker.on('error', (error) => {
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  });
  return {
    validate(xsd, xml) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, xsd, xml });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
