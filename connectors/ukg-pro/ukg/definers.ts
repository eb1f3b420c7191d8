import { forConnection } from '../../../sdk/define';
import type { UkgConnection } from './connection-fields';

/** The SDK's definers bound to the UKG Pro connection. */
export const { defineAction, defineTrigger, definePickList, defineProbe } =
  forConnection<UkgConnection>();
