/** The six official UN languages: the UI speaks each of them. */
export const languages = ["en", "fr", "es", "ar", "ru", "zh"] as const;
export type Lang = (typeof languages)[number];

export const languageNames: Record<Lang, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ar: "العربية",
  ru: "Русский",
  zh: "中文",
};

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

export function direction(lang: Lang): "rtl" | "ltr" {
  return lang === "ar" ? "rtl" : "ltr";
}

/** Picks the best of our languages for an Accept-Language header (RFC 9110 quality values). */
export function negotiateLanguage(header: string | undefined): Lang {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (isLang(primary)) return primary;
  }
  return "en";
}

/** Messages of one module in every language: a missing key in any language fails the typecheck. */
export type Catalogue<Keys extends string> = Record<Lang, Record<Keys, string>>;
