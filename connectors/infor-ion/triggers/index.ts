/** The Infor ION connector has no trigger yet: GLS840MI offers nothing to poll. */
export const triggers = {};
