/** Harmless reads that prove a scope for `doctor`. */
import { defineProbe } from './definers';
import { WORKIVA_PATHS } from './api';

export const fileReadProbe = defineProbe({
  name: `GET ${WORKIVA_PATHS.files}`,
  scope: 'file:read',
  run: ({ http }) => http.get(WORKIVA_PATHS.files, { $maxpagesize: 1 }),
});
