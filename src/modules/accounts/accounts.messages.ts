/** UI messages of the accounts module in the six UN languages. */
import type { Catalogue } from "../../platform/i18n/languages.js";

const en = {} as const;

export const accountMessages: Catalogue<keyof typeof en> = { en, fr: {}, es: {}, ar: {}, ru: {}, zh: {} };
