/** The Workiva connector's actions, by their stable keys. */
import { customAction } from './custom-action';
import { listFiles } from './list-files';
import { listSheets } from './list-sheets';
import { readRange } from './read-range';
import { updateRange } from './update-range';

export const actions = {
  list_files: listFiles,
  list_sheets: listSheets,
  read_range: readRange,
  update_range: updateRange,
  custom_action: customAction,
};
