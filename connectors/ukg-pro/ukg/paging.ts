/** The paging inputs and outputs the search and list actions share (`page`, `per_Page`, §2.2). */
import { z } from 'zod';
import { MAX_PER_PAGE } from './web-services';

export const DEFAULT_PER_PAGE = 100;

export const pagingInput = {
  page: z.number().int().min(1).default(1).meta({
    label: 'Page',
    hint: 'Page number, from 1. Ask for the next page while "Has more" is true.',
  }),
  per_page: z
    .number()
    .int()
    .min(1)
    .max(MAX_PER_PAGE)
    .default(DEFAULT_PER_PAGE)
    .meta({
      label: 'Page size',
      hint: `Records per page, 1 to ${MAX_PER_PAGE} (UKG's maximum).`,
    }),
};

export const pagingOutput = {
  page: z.number().int(),
  per_page: z.number().int(),
  has_more: z.boolean().meta({
    label: 'Has more',
    hint: 'True when the page was full: UKG sends no total, so the next page may hold more.',
  }),
};

/** UKG answers a bare array: a full page means there may be more. */
export function pageInfo(count: number, page: number, perPage: number) {
  return { page, per_page: perPage, has_more: count === perPage };
}
