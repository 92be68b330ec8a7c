/** UI messages of the organisations module in the six UN languages. */
import type { Catalogue } from "../../platform/i18n/languages.js";

const en = {} as const;

export const organisationMessages: Catalogue<keyof typeof en> = { en, fr: {}, es: {}, ar: {}, ru: {}, zh: {} };
