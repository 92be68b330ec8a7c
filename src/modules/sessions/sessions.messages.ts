/** UI messages of the sessions module in the six UN languages. */
import type { Catalogue } from "../../platform/i18n/languages.js";

const en = {} as const;

export const sessionMessages: Catalogue<keyof typeof en> = { en, fr: {}, es: {}, ar: {}, ru: {}, zh: {} };
