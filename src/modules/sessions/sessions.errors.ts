/** Error codes of the conference sessions module, with their HTTP status. */
export const sessionErrors = {} as const;
