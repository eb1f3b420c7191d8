import { forConnection } from '../../../sdk/define';
import type { WorkivaConnection } from './connection-fields';

/** The SDK's definers bound to the Workiva connection. */
export const { defineAction, defineTrigger, definePickList, defineProbe } =
  forConnection<WorkivaConnection>();
