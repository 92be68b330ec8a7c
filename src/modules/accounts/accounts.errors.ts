/** Error codes of the accounts module, with their HTTP status. */
export const accountErrors = {
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  EMAIL_NOT_VERIFIED: 403,
  TOKEN_INVALID: 400,
} as const;
