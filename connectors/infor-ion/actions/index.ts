import { customAction } from './custom-action';
import { getGlBatchStatusAction } from './get-gl-batch-status';
import { postGlBatchAction } from './post-gl-batch';

/** The Infor ION connector's actions, by key. */
export const actions = {
  post_gl_batch: postGlBatchAction,
  get_gl_batch_status: getGlBatchStatusAction,
  custom_action: customAction,
};
