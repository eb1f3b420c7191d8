/** The Workiva connector has no triggers yet. */
export const triggers = {};
