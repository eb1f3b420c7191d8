import { validateJournal } from '../../workday/journal';
import { buildEnvelope, parseSoapBody } from '../../workday/soap/envelope';
import { child } from '../../workday/soap/xml';
import {
  buildSubmitAccountingJournalRequest,
  parseSubmitAccountingJournalResponse,
} from '../../workday/soap/submit-accounting-journal';
import { median, nowMs, round } from '../stats';
import { createRawClient } from '../raw-client';
import { buildJournalInput } from '../journal-input';
import { buildWithXmlLibraryAlone, soapHeaders } from '../raw-journal';
import { ms, ratio } from '../report';
import { usConnection } from '../context';
import type { BenchContext } from '../context';
import type { FigureResult } from '../report';
import type { JournalInput } from '../journal-input';

const WARM_UP = 3;

/** The connector's path for one journal: validate, build the envelope, parse the response. */
function oursOnce(input: JournalInput, version: string, responseText: string): number {
  const start = nowMs();
  const validated = validateJournal(input);
  const envelope = buildEnvelope(buildSubmitAccountingJournalRequest(validated, version));
  const body = parseSoapBody(responseText);
  const submitted = parseSubmitAccountingJournalResponse(
    child(body, 'Submit_Accounting_Journal_Response') ?? body,
  );
  const elapsed = nowMs() - start;
  if (envelope.length === 0 || submitted.accountingJournalId !== input.journal_id) {
    throw new Error(
      `B4 parsed journal id "${String(submitted.accountingJournalId)}", expected "${input.journal_id}".`,
    );
  }
  return elapsed;
}

function libraryOnce(input: JournalInput, version: string): number {
  const start = nowMs();
  const xml = buildWithXmlLibraryAlone(input, version);
  const elapsed = nowMs() - start;
  if (xml.length === 0) throw new Error('B4 baseline built an empty document.');
  return elapsed;
}

/**
 * B4 large journal: a `lines`-line journal validated (exact decimals), built into the
 * `Submit_Accounting_Journal` envelope and the sandbox's real response to it parsed, against
 * building the same envelope with fast-xml-parser's XMLBuilder alone. The two documents are
 * compared byte for byte, so the baseline builds the same XML.
 */
export async function runB4(ctx: BenchContext): Promise<FigureResult> {
  const { lines } = ctx.config.b4;
  const runs = ctx.config.runs;
  const connection = usConnection(ctx);
  const version = connection.soap_version;
  const input = buildJournalInput(`B4-${Date.now().toString(36)}`, lines);

  // The sandbox's answer to this very journal, fetched once outside the clock.
  const raw = createRawClient(connection, 1);
  let responseText: string;
  try {
    const token = await raw.fetchAccessToken();
    const envelope = buildEnvelope(
      buildSubmitAccountingJournalRequest(validateJournal(input), version),
    );
    const response = await raw.axios.post<string>(raw.soapUrl(version), envelope, {
      headers: { ...soapHeaders('Submit_Accounting_Journal'), Authorization: `Bearer ${token}` },
      responseType: 'text',
      maxBodyLength: Infinity,
    });
    responseText = response.data;
  } finally {
    raw.close();
  }

  const ours = buildEnvelope(buildSubmitAccountingJournalRequest(validateJournal(input), version));
  const library = buildWithXmlLibraryAlone(input, version);
  const sameXml = ours === library;

  for (let i = 0; i < WARM_UP; i++) {
    oursOnce(input, version, responseText);
    libraryOnce(input, version);
  }
  const oursMs: number[] = [];
  const libMs: number[] = [];
  for (let run = 0; run < Math.max(runs, 3); run++) {
    oursMs.push(oursOnce(input, version, responseText));
    libMs.push(libraryOnce(input, version));
  }
  const o = median(oursMs);
  const l = median(libMs);
  return {
    rows: [
      {
        figure: `B4 journal of ${input.lines.length} lines: validate+SOAP+parse`,
        ours: ms(o),
        baseline: `${ms(l)} XMLBuilder`,
        ratio: ratio(o / l),
        target: 'reported',
        met: undefined,
      },
    ],
    values: {
      b4_ms: round(o, 2),
      b4_baseline_ms: round(l, 2),
      b4_ratio: round(o / l, 3),
      b4_lines: input.lines.length,
      b4_envelope_bytes: Buffer.byteLength(ours),
      b4_same_xml_as_library: sameXml,
    },
    notes: [
      `B4 runs (ms): ours ${oursMs.map((v) => v.toFixed(1)).join(', ')}; XMLBuilder ${libMs.map((v) => v.toFixed(1)).join(', ')}; envelope ${Buffer.byteLength(ours)} bytes; same XML as the library's: ${String(sameXml)}`,
    ],
  };
}
