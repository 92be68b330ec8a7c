/** Error codes of the conference sessions module, with their HTTP status. */
export const sessionErrors = {
  SESSION_SLUG_TAKEN: 409,
  SESSION_DATES_INVALID: 400,
  AGENDA_ITEM_NUMBER_TAKEN: 409,
  ROOM_NAME_TAKEN: 409,
  TIME_SLOT_OVERLAPS: 409,
  TIME_SLOT_TIMES_INVALID: 400,
  TIME_SLOT_OUTSIDE_SESSION: 400,
  SESSION_ITEM_IN_USE: 409,
} as const;
