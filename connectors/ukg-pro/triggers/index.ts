/** The UKG Pro connector has no triggers yet. */
export const triggers = {};
