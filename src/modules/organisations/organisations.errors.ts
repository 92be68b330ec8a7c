/** Error codes of the organisations module, with their HTTP status. */
export const organisationErrors = {} as const;
