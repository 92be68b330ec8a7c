/** Every module's messages, joined explicitly. */

import { accountMessages } from "../../modules/accounts/accounts.messages.js";
import { accreditationMessages } from "../../modules/accreditation/accreditation.messages.js";
import { organisationMessages } from "../../modules/organisations/organisations.messages.js";
import { schedulingMessages } from "../../modules/scheduling/scheduling.messages.js";
import { sessionMessages } from "../../modules/sessions/sessions.messages.js";
import { sideEventMessages } from "../../modules/side-events/side-events.messages.js";
import { platformMessages } from "../platform.messages.js";
import { type Lang, languages } from "./languages.js";

const catalogues = [
  platformMessages,
  accountMessages,
  organisationMessages,
  sessionMessages,
  accreditationMessages,
  sideEventMessages,
  schedulingMessages,
];

type KeysOf<C extends { en: object }> = keyof C["en"] & string;
export type MessageKey =
  | KeysOf<typeof platformMessages>
  | KeysOf<typeof accountMessages>
  | KeysOf<typeof organisationMessages>
  | KeysOf<typeof sessionMessages>
  | KeysOf<typeof accreditationMessages>
  | KeysOf<typeof sideEventMessages>
  | KeysOf<typeof schedulingMessages>;

export const messages = Object.fromEntries(
  languages.map((lang) => [lang, Object.assign({}, ...catalogues.map((c) => c[lang]))]),
) as Record<Lang, Record<MessageKey, string>>;
