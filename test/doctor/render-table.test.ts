import { renderDoctorReport, wrapText } from '../../cli/doctor/render-table';
import { failed, passed, skipped } from '../../cli/doctor/report';

describe('wrapText()', () => {
  it('wraps at spaces and keeps long words whole', () => {
    expect(wrapText('aaa bbb ccc dddddddddd e', 7)).toEqual(['aaa bbb', 'ccc', 'dddddddddd', 'e']);
  });
});

describe('renderDoctorReport()', () => {
  it('aligns check, result and wrapped detail columns', () => {
    const text = renderDoctorReport(
      {
        ok: false,
        connections: [
          {
            connection: 'us_limited',
            tenant: 'acme_us',
            ok: false,
            checks: [
              passed('settings', 'fine.'),
              failed(
                'actions.post_journal_entry',
                'one two three four five six seven eight nine ten',
                'insufficient_scope',
              ),
              skipped('triggers.x', 'skipped.'),
            ],
          },
        ],
      },
      { width: 70 },
    );
    expect(text).toBe(
      [
        "Connection 'us_limited' (tenant acme_us): problems found",
        'check                       result  detail',
        '--------------------------  ------  ------',
        'settings                    ✓       fine.',
        // indent 36, so 34 columns are left; the 40-column floor applies.
        'actions.post_journal_entry  ✗       one two three four five six seven eight',
        '                                    nine ten',
        'triggers.x                  –       skipped.',
        '',
      ].join('\n'),
    );
  });

  it('puts continuation lines under the detail column', () => {
    const text = renderDoctorReport(
      {
        ok: true,
        connections: [
          { connection: 'us', ok: true, checks: [passed('settings', `${'word '.repeat(12)}end`)] },
        ],
      },
      { width: 20 },
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe("Connection 'us': healthy");
    // Detail width has a floor of 40 characters, so a narrow terminal still gets readable text.
    expect(lines[3]).toBe(`settings  ✓       ${'word '.repeat(8)}`.trimEnd());
    expect(lines[4]).toBe(`${' '.repeat(18)}word word word word end`);
  });
});

describe('renderDoctorReport() with several connections', () => {
  it('ends with one summary line naming the healthy connections and those with problems', () => {
    const text = renderDoctorReport({
      ok: false,
      connections: [
        { connection: 'us', ok: true, checks: [passed('settings', 'fine.')] },
        {
          connection: 'us_limited',
          ok: false,
          checks: [
            failed('actions.a', 'no.', 'insufficient_scope'),
            failed('actions.b', 'no.', 'insufficient_scope'),
          ],
        },
        {
          connection: 'us_user',
          ok: false,
          checks: [failed('token request', 'no.', 'reauthorization_required')],
        },
      ],
    });
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Summary: 3 connections checked; 1 healthy (us); 2 with problems (us_limited: 2 failed checks; us_user: 1 failed check).',
    );
  });

  it('adds no summary for one connection', () => {
    const text = renderDoctorReport({
      ok: true,
      connections: [{ connection: 'us', ok: true, checks: [passed('settings', 'fine.')] }],
    });
    expect(text).not.toContain('Summary:');
  });
});
