import { forConnection } from '../../../sdk/define';
import type { IonConnection } from './connection-fields';

/** The definers bound to the Infor ION connection type. */
export const { defineAction, defineTrigger, definePickList, defineProbe } =
  forConnection<IonConnection>();
