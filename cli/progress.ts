/**
 * Draws actions' progress events on standard error: one bar redrawn in place on a terminal,
 * plain lines otherwise (a log file or CI), never on standard output, which carries the result.
 */
import type { ProgressEvent } from '../sdk/define';

/** Where progress goes. */
export interface ProgressSink {
  /** True when standard error is a terminal: draw a bar. */
  tty: boolean;
  /** Writes text to standard error as is (no newline added). */
  write(text: string): void;
}

/** Draws progress events; `end()` finishes the last bar. */
export interface ProgressRenderer {
  update(event: ProgressEvent): void;
  end(): void;
}

const BAR_WIDTH = 24;
/** A terminal is redrawn at most this often (ms); a new phase or the end always draws. */
const REDRAW_MS = 100;
/** Plain lines: one per tenth of a phase (and its first and last). */
const PLAIN_STEPS = 10;

const PHASE_LABELS: Readonly<Record<string, string>> = {
  validate: 'Validating',
  upload: 'Uploading',
  process: 'Workday processing',
};

function label(phase: string): string {
  return PHASE_LABELS[phase] ?? phase;
}

function amount(event: ProgressEvent): string {
  const unit = event.unit === undefined ? '' : event.unit === '%' ? '%' : ` ${event.unit}`;
  const done = event.done.toLocaleString('en-US');
  if (event.total === undefined || event.unit === '%') return `${done}${unit}`;
  return `${done}/${event.total.toLocaleString('en-US')}${unit}`;
}

function describe(event: ProgressEvent): string {
  const note = event.message === undefined ? '' : ` (${event.message})`;
  return `${label(event.phase)}: ${amount(event)}${note}`;
}

function bar(event: ProgressEvent): string {
  if (event.total === undefined || event.total <= 0) return '';
  const share = Math.max(0, Math.min(1, event.done / event.total));
  const filled = Math.round(share * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] `;
}

/** Creates the renderer for one run; `now` is injectable for tests. */
export function createProgressRenderer(
  sink: ProgressSink,
  now: () => number = Date.now,
): ProgressRenderer {
  let phase: string | undefined;
  let lastDraw = 0;
  let lastStep = -1;
  let lastText = '';
  let open = false;

  const finishLine = (): void => {
    if (open) sink.write('\n');
    open = false;
  };

  return {
    update(event) {
      const newPhase = event.phase !== phase;
      if (newPhase) {
        if (sink.tty) finishLine();
        phase = event.phase;
        lastStep = -1;
      }
      const complete = event.total !== undefined && event.done >= event.total;
      if (sink.tty) {
        if (!newPhase && !complete && now() - lastDraw < REDRAW_MS) return;
        lastDraw = now();
        // \r and erase-line: the bar is redrawn where it stands.
        sink.write(`\r\u001b[2K${bar(event)}${describe(event)}`);
        open = true;
        return;
      }
      const step =
        event.total === undefined || event.total <= 0
          ? -1
          : Math.floor((Math.min(event.done, event.total) / event.total) * PLAIN_STEPS);
      const text = describe(event);
      // Without a total, every new value is a line (validation counts lines as it reads them).
      if (text === lastText || (!newPhase && step !== -1 && step === lastStep && !complete)) return;
      lastStep = step;
      lastText = text;
      sink.write(`${text}\n`);
    },
    end() {
      if (sink.tty) finishLine();
    },
  };
}
