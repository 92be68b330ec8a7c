/** Error codes of the scheduling module, with their HTTP status. */
export const schedulingErrors = {
  SCHEDULING_RUNNING: 409,
} as const;
