/**
 * Input and output schemas of the accounts module. Inputs are strict (unknown fields are
 * rejected); outputs are allowlists: a column added to `users` never leaks by accident, and no
 * password hash or token is ever part of one.
 */
import { z } from "zod";
import { languages } from "../../platform/i18n/languages.js";

export const platformRoles = ["secretariat", "member_state_delegate", "reviewer", "trustee"] as const;

export const ZEmail = z.string().trim().toLowerCase().min(1).max(254).check(z.email());
/** A new password: long enough to resist guessing; never trimmed. */
export const ZNewPassword = z.string().min(10).max(500);
/** A password being checked: any length up to the cap (old accounts may predate a rule). */
export const ZPassword = z.string().min(1).max(500);
export const ZDisplayName = z.string().trim().min(1).max(120);
export const ZLanguage = z.enum(languages);
export const ZToken = z.string().trim().min(20).max(200);
export const ZRole = z.enum(platformRoles);

export const ZSignUp = z.strictObject({
  displayName: ZDisplayName,
  email: ZEmail,
  password: ZNewPassword,
  preferredLanguage: ZLanguage,
});
export type SignUp = z.infer<typeof ZSignUp>;
/** The sign-up page's form also carries where to go once the address is confirmed. */
export const ZSignUpForm = ZSignUp.extend({ next: z.string().max(2000).optional() });

export const ZSignIn = z.strictObject({ email: ZEmail, password: ZPassword });
export type SignIn = z.infer<typeof ZSignIn>;
/** The sign-in form also carries where to go next. */
export const ZSignInForm = ZSignIn.extend({ next: z.string().max(2000).optional() });

export const ZTokenBody = z.strictObject({ token: ZToken });
export const ZEmailBody = z.strictObject({ email: ZEmail });
export const ZResetConfirm = z.strictObject({ token: ZToken, password: ZNewPassword });

export const ZSetup = z.strictObject({
  token: ZToken,
  displayName: ZDisplayName,
  email: ZEmail,
  password: ZNewPassword,
  preferredLanguage: ZLanguage,
});
export type Setup = z.infer<typeof ZSetup>;

export const ZAccountPatch = z
  .strictObject({ displayName: ZDisplayName.optional(), preferredLanguage: ZLanguage.optional() })
  .refine((v) => v.displayName !== undefined || v.preferredLanguage !== undefined, {
    message: "Nothing to change",
  });
/** The page form always sends both fields. */
export const ZAccountForm = z.strictObject({ displayName: ZDisplayName, preferredLanguage: ZLanguage });
export type AccountPatch = z.infer<typeof ZAccountForm> | z.infer<typeof ZAccountPatch>;

export const ZPasswordChange = z.strictObject({ currentPassword: ZPassword, newPassword: ZNewPassword });
export type PasswordChange = z.infer<typeof ZPasswordChange>;

export const ZUserPatch = z
  .strictObject({
    disabled: z.boolean().optional(),
    roles: z.array(ZRole).max(platformRoles.length).optional(),
  })
  .refine((v) => v.disabled !== undefined || v.roles !== undefined, { message: "Nothing to change" });
export type UserPatch = z.infer<typeof ZUserPatch>;

/** The secretariat's form for one account: checkboxes (absent when none is ticked) and a status radio. */
export const ZUserForm = z.strictObject({
  roles: z
    .union([ZRole, z.array(ZRole)])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat())),
  status: z.enum(["active", "disabled"]),
});

// Query strings are not strict: every page also takes ?lang=.
export const ZNextQuery = z.object({ next: z.string().max(2000).optional() });
export const ZTokenQuery = z.object({ token: z.string().max(200).optional() });
export const ZSentQuery = z.object({ sent: z.literal("1").optional() });
export const ZSignUpQuery = ZSentQuery.extend({ next: z.string().max(2000).optional() });
export const ZVerifyQuery = ZTokenQuery.extend({ next: z.string().max(2000).optional() });
export const ZAccountQuery = z.object({
  done: z.enum(["profile", "password", "verification"]).optional(),
  continue: z.string().max(2000).optional(),
});
export const ZUserListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type UserListQuery = z.infer<typeof ZUserListQuery>;
export const ZUserParams = z.object({ id: z.string().max(100) });
export const ZUserPageQuery = z.object({ saved: z.literal("1").optional() });

/** A page form's body before it is parsed with the form's own schema (so the form can be re-rendered). */
export const ZFormBody = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});

// ---- outputs ----

export const ZAccount = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  preferredLanguage: ZLanguage,
  roles: z.array(ZRole),
  emailVerified: z.boolean(),
});
export type Account = z.infer<typeof ZAccount>;

export const ZSession = z.object({ user: ZAccount.nullable(), csrfToken: z.string() });
export const ZSignedIn = z.object({ user: ZAccount, csrfToken: z.string() });
/** The same answer whatever happened behind it (sign-up, reset request, resend). */
export const ZAccepted = z.object({ status: z.literal("accepted") });

export const ZAdminUser = ZAccount.extend({
  disabled: z.boolean(),
  createdAt: z.date(),
});
export type AdminUser = z.infer<typeof ZAdminUser>;
export const ZAdminUserPage = z.object({
  items: z.array(ZAdminUser),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
