import { z } from 'zod';
import { defineAction } from '../workiva/definers';
import { MAX_PAGE_SIZE, WORKIVA_PATHS } from '../workiva/api';
import { fileReadProbe } from '../workiva/probes';
import { fileSchema, filesPageSchema, parseAnswer } from '../workiva/records';
import type { WorkivaFile } from '../workiva/records';

/** OData string literal: single quotes doubled. */
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Lists files, following `@nextLink` verbatim until it is absent or the limit is reached. */
export const listFiles = defineAction({
  title: 'List files',
  subtitle: 'Files of the workspace, optionally one kind',
  description: 'Lists files the integration user can see, optionally only one kind or container.',
  read_only: true,
  scopes: ['file:read'],
  probes: [fileReadProbe],
  input_fields: z.object({
    kind: z
      .enum(['Spreadsheet', 'Document', 'Presentation'])
      .optional()
      .meta({ label: 'Kind', control_type: 'select' }),
    container: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ label: 'Container ID', hint: 'Only files in this folder.' }),
    page_size: z
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .default(MAX_PAGE_SIZE)
      .meta({ label: 'Page size', hint: `1 to ${MAX_PAGE_SIZE}.` }),
    max_files: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(1000)
      .meta({ label: 'Most files', hint: 'Stop after this many.' }),
  }),
  output_fields: z.object({
    files: z.array(fileSchema),
    truncated: z
      .boolean()
      .meta({ hint: 'True when more files were left than "Most files" allowed.' }),
  }),
  async execute({ http, input }) {
    const filter = [
      input.kind === undefined ? undefined : `kind eq ${quote(input.kind)}`,
      input.container === undefined ? undefined : `container eq ${quote(input.container)}`,
    ].filter((c) => c !== undefined);
    const files: WorkivaFile[] = [];
    let page = parseAnswer(
      filesPageSchema,
      await http.get(WORKIVA_PATHS.files, {
        ...(filter.length === 0 ? {} : { $filter: filter.join(' and ') }),
        $maxpagesize: input.page_size,
      }),
      'files',
    );
    for (;;) {
      files.push(...page.data);
      const next = page['@nextLink'];
      if (next === undefined || next === null || files.length >= input.max_files) {
        const truncated = files.length > input.max_files || (next !== undefined && next !== null);
        return { files: files.slice(0, input.max_files), truncated };
      }
      // The cursor is opaque: the link is followed as given (the client keeps it on this host).
      page = parseAnswer(filesPageSchema, await http.get(next), 'files');
    }
  },
  sample_output: {
    files: [
      {
        id: 'ss-budget-fy27',
        name: 'Headcount budget FY27',
        kind: 'Spreadsheet',
        type: 'Spreadsheet',
        container: 'folder-finance',
        template: false,
        state: 'Active',
        created: { dateTime: '2026-10-01T09:00:00Z', user: { id: 'user-integration' } },
        modified: { dateTime: '2026-10-01T09:00:00Z', user: { id: 'user-integration' } },
      },
    ],
    truncated: false,
  },
});
