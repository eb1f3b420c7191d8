import { approveRejectInboxTask } from './approve-reject-inbox-task';
import { customAction } from './custom-action';
import { getImportStatus } from './get-import-status';
import { getInboxTask } from './get-inbox-task';
import { getJournalEntry } from './get-journal-entry';
import { getWorker } from './get-worker';
import { importJournalEntry } from './import-journal-entry';
import { postJournalEntry } from './post-journal-entry';
import { searchInboxTasks } from './search-inbox-tasks';
import { searchWorkers } from './search-workers';

/** The connector's actions by their stable key (the file name with underscores). */
export const actions = {
  search_inbox_tasks: searchInboxTasks,
  get_inbox_task: getInboxTask,
  approve_reject_inbox_task: approveRejectInboxTask,
  post_journal_entry: postJournalEntry,
  get_journal_entry: getJournalEntry,
  import_journal_entry: importJournalEntry,
  get_import_status: getImportStatus,
  get_worker: getWorker,
  search_workers: searchWorkers,
  custom_action: customAction,
};
