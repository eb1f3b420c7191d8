import { REQUIRED_KEYS, assembleResults, formatTable, renderResults } from '../../bench/report';

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
