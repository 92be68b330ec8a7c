/** Error codes of the scheduling module, with their HTTP status. */
export const schedulingErrors = {
  SCHEDULING_RUNNING: 409,
  SCHEDULING_UNKNOWN_EVENT: 400,
  SCHEDULING_UNKNOWN_CELL: 400,
  SCHEDULING_NOTHING_TO_UNDO: 409,
  SCHEDULING_RELEASE_UNCHANGED: 409,
} as const;
