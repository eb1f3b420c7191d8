/**
 * What the Workiva simulator serves: OAuth2 clients of integration users (per region, with the
 * scopes their grant allows and the files they may edit) and a workspace of files, spreadsheets
 * and sheets. No secrets here; client secrets are generated per run.
 */

export interface ClientFixture {
  clientId: string;
  region: 'us' | 'eu';
  /** Scopes the grant allows; a token gets the intersection with what it asks for. */
  allowedScopes: readonly string[];
  /**
   * Spreadsheet ids the integration user may edit (Creator/Manager, §3.1); others are
   * read-only to it.
   */
  editable: readonly string[];
}

export interface SheetFixture {
  id: string;
  name: string;
  /** Initial cells, row-major from A1. */
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

export interface FileFixture {
  id: string;
  name: string;
  kind: 'Spreadsheet' | 'Document' | 'Presentation';
  container: string | null;
  sheets: readonly SheetFixture[];
}

const BUDGET_ROWS = [
  ['Cost center', 'FY26 FTE', 'FY27 FTE', 'FY27 budget'],
  ['EAST', 40, 42.5, 4150000],
  ['WEST', 38, 37, 3720000],
  ['FIN', 11, 12, 1140000],
  ['RND', 50, 55.5, 6300000],
];

function spreadsheet(id: string, name: string, sheets: readonly SheetFixture[]): FileFixture {
  return { id, name, kind: 'Spreadsheet', container: 'folder-finance', sheets };
}

/** 30 files: 24 spreadsheets and 6 documents, so a page size of 10 takes three pages. */
export const FILES: readonly FileFixture[] = [
  spreadsheet('ss-budget-fy27', 'Headcount budget FY27', [
    { id: 'sh-summary', name: 'Summary', rows: BUDGET_ROWS },
    { id: 'sh-detail', name: 'Detail', rows: [['Position', 'FTE']] },
  ]),
  spreadsheet('ss-board-pack', 'Board pack Q3', [
    {
      id: 'sh-kpis',
      name: 'KPIs',
      rows: [
        ['KPI', 'Value'],
        ['Headcount', 187],
      ],
    },
  ]),
  ...Array.from({ length: 22 }, (_, i) =>
    spreadsheet(
      `ss-${String(i + 1).padStart(2, '0')}`,
      `Entity ${String(i + 1).padStart(2, '0')} trial balance`,
      [{ id: 'sh-tb', name: 'TB', rows: [['Account', 'Debit', 'Credit']] }],
    ),
  ),
  ...Array.from({ length: 6 }, (_, i): FileFixture => ({
    id: `doc-${i + 1}`,
    name: `10-K draft section ${i + 1}`,
    kind: 'Document',
    container: 'folder-sec',
    sheets: [],
  })),
];

export const CLIENTS: readonly ClientFixture[] = [
  {
    clientId: 'acme-reporting',
    region: 'us',
    allowedScopes: ['file:read', 'file:write'],
    editable: [
      'ss-budget-fy27',
      ...FILES.filter((f) => f.id.startsWith('ss-0') || f.id.startsWith('ss-1')).map((f) => f.id),
    ],
  },
  // A grant without file:write: asking for it yields a narrower token.
  { clientId: 'acme-readonly', region: 'us', allowedScopes: ['file:read'], editable: [] },
  {
    clientId: 'acme-reporting-eu',
    region: 'eu',
    allowedScopes: ['file:read', 'file:write'],
    editable: ['ss-budget-fy27'],
  },
];
