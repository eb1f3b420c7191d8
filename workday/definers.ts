import { forConnection } from '../sdk/define';
import type { WorkdayConnection } from './connection-fields';

/**
 * The SDK's definers bound to the Workday connection, so every action, trigger, pick list and
 * probe gets a typed `connection` without repeating the type.
 */
export const { defineAction, defineTrigger, definePickList, defineProbe } =
  forConnection<WorkdayConnection>();
