/**
 * How a reader runs the CLI from a clone: the checked-in wrapper `bin/connector`, which loads the
 * compiled `dist/` (see that file for why not `npx connector`). Help texts and hints print it so
 * that what they show can be copied and run as is.
 */
export const CLI_COMMAND = 'bin/connector';
