import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  REQUIRED_KEYS,
  assembleResults,
  formatTable,
  renderResults,
  writeResults,
} from '../../bench/report';

describe('formatTable()', () => {
  it('aligns the columns and spells out met?', () => {
    const text = formatTable([
      {
        figure: 'B1 overhead',
        ours: '10 ms',
        baseline: '9 ms',
        ratio: '1.11x',
        target: '<= 1.1x',
        met: false,
      },
      {
        figure: 'B4',
        ours: '1 ms',
        baseline: '1 ms',
        ratio: '1.00x',
        target: 'reported',
        met: undefined,
      },
      { figure: 'B6 sockets', ours: '16', baseline: '-', ratio: '-', target: '<= 16', met: true },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('figure       ours   baseline  ratio  target    met?');
    expect(lines[2]).toBe('B1 overhead  10 ms  9 ms      1.11x  <= 1.1x   NO');
    expect(lines[3]?.endsWith('-')).toBe(true);
    expect(lines[4]?.endsWith('yes')).toBe(true);
  });
});

describe('assembleResults()', () => {
  it('puts every required key first, null when a figure did not run, then the extras', () => {
    const results = assembleResults({ extra: 1, b1_ratio: 1.05 });
    const keys = Object.keys(results);
    expect(keys.slice(0, REQUIRED_KEYS.length)).toEqual([...REQUIRED_KEYS]);
    expect(results.b1_ratio).toBe(1.05);
    expect(results.b2_token_requests).toBeNull();
    expect(keys[keys.length - 1]).toBe('extra');
  });
});

describe('renderResults()', () => {
  it('keeps number lists on one line and ends with a newline, as prettier formats JSON', () => {
    const text = renderResults({ a: 1, runs: [1, 2.5, -3], name: 'x' });
    expect(text).toBe('{\n  "a": 1,\n  "runs": [1, 2.5, -3],\n  "name": "x"\n}\n');
    expect(JSON.parse(text)).toEqual({ a: 1, runs: [1, 2.5, -3], name: 'x' });
  });
});

describe('writeResults()', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-results-'));
  const file = path.join(dir, 'results.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file when it is missing', () => {
    writeResults(file, { b1_ratio: 2 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ b1_ratio: 2 });
  });

  it('keeps the keys another bench wrote and replaces the ones it writes again', () => {
    writeFileSync(file, JSON.stringify({ b1_ratio: 2, b7_overhead_ratio: 24.2, b7_date: 'x' }));
    writeResults(file, { b1_ratio: 3, b2_ms: [1, 2] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      b1_ratio: 3,
      b7_overhead_ratio: 24.2,
      b7_date: 'x',
      b2_ms: [1, 2],
    });
  });
});
