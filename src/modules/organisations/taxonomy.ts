/**
 * The fixed taxonomy of fields of work: the fields the source document names (crime prevention,
 * victim assistance, access to justice, environment, human rights, small-arms research) and the
 * Convention's other themes. Codes are stable (stored, filtered on, used in the API); labels are
 * in the six UN languages.
 */
import type { Lang } from "../../platform/i18n/languages.js";

interface FieldOfWork {
  code: string;
  label: Record<Lang, string>;
}

export const fieldsOfWork = [
  {
    code: "crime-prevention",
    label: {
      en: "Crime prevention",
      fr: "Prévention de la criminalité",
      es: "Prevención del delito",
      ar: "منع الجريمة",
      ru: "Предупреждение преступности",
      zh: "预防犯罪",
    },
  },
  {
    code: "victim-assistance",
    label: {
      en: "Victim assistance",
      fr: "Assistance aux victimes",
      es: "Asistencia a las víctimas",
      ar: "مساعدة الضحايا",
      ru: "Помощь жертвам",
      zh: "援助受害者",
    },
  },
  {
    code: "access-to-justice",
    label: {
      en: "Access to justice",
      fr: "Accès à la justice",
      es: "Acceso a la justicia",
      ar: "الوصول إلى العدالة",
      ru: "Доступ к правосудию",
      zh: "诉诸司法",
    },
  },
  {
    code: "environmental-crime",
    label: {
      en: "Environment and environmental crime",
      fr: "Environnement et criminalité environnementale",
      es: "Medio ambiente y delitos ambientales",
      ar: "البيئة والجرائم البيئية",
      ru: "Окружающая среда и экологические преступления",
      zh: "环境与环境犯罪",
    },
  },
  {
    code: "human-rights",
    label: {
      en: "Human rights",
      fr: "Droits de l'homme",
      es: "Derechos humanos",
      ar: "حقوق الإنسان",
      ru: "Права человека",
      zh: "人权",
    },
  },
  {
    code: "small-arms-research",
    label: {
      en: "Small arms and light weapons research",
      fr: "Recherche sur les armes légères et de petit calibre",
      es: "Investigación sobre armas pequeñas y ligeras",
      ar: "البحوث المتعلقة بالأسلحة الصغيرة والأسلحة الخفيفة",
      ru: "Исследования в области стрелкового оружия и легких вооружений",
      zh: "小武器和轻武器研究",
    },
  },
  {
    code: "trafficking-in-persons",
    label: {
      en: "Trafficking in persons",
      fr: "Traite des personnes",
      es: "Trata de personas",
      ar: "الاتجار بالأشخاص",
      ru: "Торговля людьми",
      zh: "贩运人口",
    },
  },
  {
    code: "smuggling-of-migrants",
    label: {
      en: "Smuggling of migrants",
      fr: "Trafic illicite de migrants",
      es: "Tráfico ilícito de migrantes",
      ar: "تهريب المهاجرين",
      ru: "Незаконный ввоз мигрантов",
      zh: "偷运移民",
    },
  },
  {
    code: "firearms-trafficking",
    label: {
      en: "Illicit trafficking in firearms",
      fr: "Trafic illicite d'armes à feu",
      es: "Tráfico ilícito de armas de fuego",
      ar: "الاتجار غير المشروع بالأسلحة النارية",
      ru: "Незаконный оборот огнестрельного оружия",
      zh: "非法贩运枪支",
    },
  },
  {
    code: "corruption",
    label: {
      en: "Corruption",
      fr: "Corruption",
      es: "Corrupción",
      ar: "الفساد",
      ru: "Коррупция",
      zh: "腐败",
    },
  },
  {
    code: "money-laundering",
    label: {
      en: "Money laundering",
      fr: "Blanchiment d'argent",
      es: "Blanqueo de dinero",
      ar: "غسل الأموال",
      ru: "Отмывание денег",
      zh: "洗钱",
    },
  },
  {
    code: "cybercrime",
    label: {
      en: "Cybercrime",
      fr: "Cybercriminalité",
      es: "Ciberdelincuencia",
      ar: "الجريمة السيبرانية",
      ru: "Киберпреступность",
      zh: "网络犯罪",
    },
  },
  {
    code: "drug-policy",
    label: {
      en: "Drug policy",
      fr: "Politique en matière de drogues",
      es: "Política de drogas",
      ar: "السياسات المتعلقة بالمخدرات",
      ru: "Наркополитика",
      zh: "毒品政策",
    },
  },
  {
    code: "criminal-justice-reform",
    label: {
      en: "Criminal justice reform",
      fr: "Réforme de la justice pénale",
      es: "Reforma de la justicia penal",
      ar: "إصلاح العدالة الجنائية",
      ru: "Реформа уголовного правосудия",
      zh: "刑事司法改革",
    },
  },
  {
    code: "prisons-and-detention",
    label: {
      en: "Prisons and detention",
      fr: "Prisons et détention",
      es: "Prisiones y detención",
      ar: "السجون والاحتجاز",
      ru: "Места лишения свободы",
      zh: "监狱与拘留",
    },
  },
  {
    code: "gender-based-violence",
    label: {
      en: "Gender-based violence",
      fr: "Violence fondée sur le genre",
      es: "Violencia de género",
      ar: "العنف القائم على النوع الاجتماعي",
      ru: "Гендерное насилие",
      zh: "基于性别的暴力",
    },
  },
  {
    code: "children-and-youth",
    label: {
      en: "Children and youth",
      fr: "Enfants et jeunes",
      es: "Niñez y juventud",
      ar: "الأطفال والشباب",
      ru: "Дети и молодежь",
      zh: "儿童与青年",
    },
  },
  {
    code: "migrants-and-refugees",
    label: {
      en: "Migrants, refugees and asylum seekers",
      fr: "Migrants, réfugiés et demandeurs d'asile",
      es: "Migrantes, refugiados y solicitantes de asilo",
      ar: "المهاجرون واللاجئون وملتمسو اللجوء",
      ru: "Мигранты, беженцы и лица, ищущие убежища",
      zh: "移民、难民和寻求庇护者",
    },
  },
  {
    code: "terrorism-prevention",
    label: {
      en: "Terrorism prevention",
      fr: "Prévention du terrorisme",
      es: "Prevención del terrorismo",
      ar: "منع الإرهاب",
      ru: "Предупреждение терроризма",
      zh: "预防恐怖主义",
    },
  },
  {
    code: "research-and-academia",
    label: {
      en: "Research and academia",
      fr: "Recherche et milieu universitaire",
      es: "Investigación y mundo académico",
      ar: "البحث والأوساط الأكاديمية",
      ru: "Научные исследования и академическое сообщество",
      zh: "研究与学术",
    },
  },
  {
    code: "legal-aid",
    label: {
      en: "Legal aid",
      fr: "Aide juridique",
      es: "Asistencia jurídica",
      ar: "المساعدة القانونية",
      ru: "Юридическая помощь",
      zh: "法律援助",
    },
  },
] as const satisfies readonly FieldOfWork[];

export type FieldOfWorkCode = (typeof fieldsOfWork)[number]["code"];

export const fieldOfWorkCodes = fieldsOfWork.map((f) => f.code) as [FieldOfWorkCode, ...FieldOfWorkCode[]];

const byCode = new Map<string, FieldOfWork>(fieldsOfWork.map((f) => [f.code, f]));

export function isFieldOfWork(code: string): code is FieldOfWorkCode {
  return byCode.has(code);
}

/** The label of a field in a language; an unknown (retired) code shows as itself. */
export function fieldOfWorkLabel(code: string, lang: Lang): string {
  return byCode.get(code)?.label[lang] ?? code;
}

/** The fields as options sorted by their label in the language. */
export function fieldOfWorkOptions(lang: Lang): Array<{ value: string; label: string }> {
  return fieldsOfWork
    .map((f) => ({ value: f.code, label: f.label[lang] }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}
