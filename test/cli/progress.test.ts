import { createProgressRenderer } from '../../cli/progress';

function capture(tty: boolean) {
  let out = '';
  let clock = 0;
  const renderer = createProgressRenderer({ tty, write: (text) => (out += text) }, () => clock);
  return {
    renderer,
    advance: (ms: number) => (clock += ms),
    text: () => out,
  };
}

describe('createProgressRenderer()', () => {
  it('writes plain lines when stderr is not a terminal: one per tenth of a phase', () => {
    const { renderer, text } = capture(false);
    renderer.update({ phase: 'validate', done: 5000, unit: 'lines' });
    renderer.update({ phase: 'validate', done: 10000, unit: 'lines' });
    for (let done = 0; done <= 10000; done += 500)
      renderer.update({ phase: 'upload', done, total: 10000, unit: 'lines' });
    renderer.update({ phase: 'process', done: 40, total: 100, unit: '%', message: 'Processing' });
    renderer.update({ phase: 'process', done: 40, total: 100, unit: '%', message: 'Processing' });
    renderer.update({ phase: 'process', done: 100, total: 100, unit: '%', message: 'Completed' });
    renderer.end();
    expect(text().split('\n')).toEqual([
      'Validating: 5,000 lines',
      'Validating: 10,000 lines',
      'Uploading: 0/10,000 lines',
      'Uploading: 1,000/10,000 lines',
      'Uploading: 2,000/10,000 lines',
      'Uploading: 3,000/10,000 lines',
      'Uploading: 4,000/10,000 lines',
      'Uploading: 5,000/10,000 lines',
      'Uploading: 6,000/10,000 lines',
      'Uploading: 7,000/10,000 lines',
      'Uploading: 8,000/10,000 lines',
      'Uploading: 9,000/10,000 lines',
      'Uploading: 10,000/10,000 lines',
      'Workday processing: 40% (Processing)',
      'Workday processing: 100% (Completed)',
      '',
    ]);
    expect(text()).not.toContain('\r');
  });

  it('redraws one bar in place on a terminal, at most every 100 ms, and ends each phase with a newline', () => {
    const { renderer, advance, text } = capture(true);
    renderer.update({ phase: 'upload', done: 0, total: 100, unit: 'lines' });
    advance(10);
    renderer.update({ phase: 'upload', done: 10, total: 100, unit: 'lines' }); // too soon: skipped
    advance(100);
    renderer.update({ phase: 'upload', done: 50, total: 100, unit: 'lines' });
    renderer.update({ phase: 'upload', done: 100, total: 100, unit: 'lines' }); // complete: drawn
    renderer.update({ phase: 'process', done: 100, total: 100, unit: '%', message: 'Completed' });
    renderer.end();
    const erase = '\r\u001b[2K';
    expect(text()).toBe(
      `${erase}[------------------------] Uploading: 0/100 lines` +
        `${erase}[############------------] Uploading: 50/100 lines` +
        `${erase}[########################] Uploading: 100/100 lines\n` +
        `${erase}[########################] Workday processing: 100% (Completed)\n`,
    );
  });
});
