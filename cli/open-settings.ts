import * as path from 'node:path';
import { loadSettings } from '../sdk/settings';
import type { SettingsStore } from '../sdk/settings';
import { markedSecretFields } from './connection-secrets';
import type { z } from 'zod';
import type { CommandContext } from './command';

/** How a settings warning reaches the person at the terminal: one `warn:` line on stderr. */
export function settingsWarnings(context: Pick<CommandContext, 'log'>): (message: string) => void {
  return (message) => context.log(`warn: ${message}`);
}

/**
 * Loads a settings file (relative to the working directory) the way every command does: the
 * master key from the run's environment or a `master.key` file, and a warning on stderr when a
 * file holding secrets can be read by the group or others. The warning does not stop the run.
 * @param fields The connector's `connection.fields`: the fields it marks secret count too.
 */
export function openSettings(
  file: string,
  context: Pick<CommandContext, 'cwd' | 'env' | 'log'>,
  fields?: z.ZodObject,
): Promise<SettingsStore> {
  return loadSettings(path.resolve(context.cwd, file), {
    env: context.env,
    cwd: context.cwd,
    onWarning: settingsWarnings(context),
    secretFields: markedSecretFields(fields),
  });
}
