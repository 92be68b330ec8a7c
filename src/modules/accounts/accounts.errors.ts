/** Error codes of the accounts module, with their HTTP status. */
export const accountErrors = {
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  EMAIL_NOT_VERIFIED: 403,
  TOKEN_INVALID: 400,
  /** the current password given to change it is wrong (not 401: the session itself is fine) */
  CURRENT_PASSWORD_WRONG: 400,
  /** only the first-start setup: it names an address that already has an account */
  EMAIL_TAKEN: 409,
  /** the secretariat may not disable itself or revoke its own secretariat role */
  CANNOT_CHANGE_OWN_ACCESS: 409,
} as const;
