/** Error codes of the organisations module, with their HTTP status. */
export const organisationErrors = {
  /** a slug asked for explicitly is already another organisation's */
  ORGANISATION_SLUG_TAKEN: 409,
  /** the change would leave the organisation without a focal point */
  LAST_FOCAL_POINT: 409,
  /** the person invited, or accepting, already belongs to the organisation */
  ALREADY_MEMBER: 409,
  /** the user named in the path is not a member of this organisation */
  MEMBER_NOT_FOUND: 404,
  INVITATION_NOT_FOUND: 404,
  INVITATION_EXPIRED: 410,
  /** accepted already, or withdrawn */
  INVITATION_USED: 410,
  /** the signed-in account is not the e-mail address the invitation was sent to */
  INVITATION_FOR_ANOTHER_ACCOUNT: 403,
  /** only an organisation of kind coalition has member organisations */
  NOT_A_COALITION: 409,
  /** a coalition with member organisations cannot become an NGO */
  COALITION_HAS_MEMBERS: 409,
  /** a coalition cannot be a member of itself */
  COALITION_SELF: 422,
  /** the organisation to invite into the coalition does not exist */
  MEMBER_ORGANISATION_NOT_FOUND: 422,
  /** the organisation is already a member, or already invited */
  COALITION_MEMBERSHIP_EXISTS: 409,
  /** no pending invitation (accept, decline) or no current membership (end) */
  COALITION_MEMBERSHIP_NOT_FOUND: 404,
} as const;
