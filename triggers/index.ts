import { newInboxTask } from './new-inbox-task';

/** The connector's triggers by their stable key (the file name with underscores). */
export const triggers = {
  new_inbox_task: newInboxTask,
};
