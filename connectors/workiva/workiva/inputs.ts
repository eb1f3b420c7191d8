/** Input fields several actions share. */
import { z } from 'zod';
import { parseA1 } from './a1';

/** A Workiva resource ID (file, sheet): no slashes or spaces, so it stays one path segment. */
export const idField = (label: string, hint: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._~-]{1,200}$/, 'must be an ID (letters, digits, ".", "_", "~", "-")')
    .meta({ label, hint, sticky: true });

export const rangeField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (v) => parseA1(v) !== undefined,
    'must be an A1 range such as B2 or A1:C3 (start before end)',
  )
  .meta({ label: 'Range', hint: 'A1 notation, e.g. A1:C3.', sticky: true });
