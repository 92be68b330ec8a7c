/**
 * Reference geography for organisations: the UN regional group (the five groups used for elections
 * at the United Nations) and the UN M49 region and sub-region of every country an organisation can
 * be based in, with names in the six official languages.
 *
 * Sources: the regional groups as published by the Department for General Assembly and Conference
 * Management (DGACM, "Regional groups of Member States"); the M49 standard of the UN Statistics
 * Division (https://unstats.un.org/unsd/methodology/m49/). Country names come from the npm package
 * i18n-iso-countries (ISO 3166-1 short names, not the UNTERM names).
 *
 * Counts of the 193 Member States by group, for electoral purposes (checked by the unit test):
 * African 54, Asia-Pacific 54, Eastern European 23, GRULAC 33, WEOG 29.
 * - WEOG is 28 members plus the United States, which attends as an observer but is considered a
 *   member for electoral purposes; it is counted in WEOG here.
 * - Asia-Pacific is 54 with Kiribati, which joined the group in 2010. The figure "53" still quoted
 *   in many places dates from before, when Kiribati belonged to no group.
 * - Türkiye participates fully in both WEOG and the Asia-Pacific Group but, for electoral purposes,
 *   is considered a member of WEOG only (DGACM lists it in both, with that footnote): WEOG here.
 * - Israel has been a full member of WEOG since 2004 (on a temporary basis from 2000).
 * - Cyprus is in the Asia-Pacific Group although M49 puts it in Western Asia, as it does Türkiye,
 *   Israel, Armenia, Azerbaijan and Georgia (the last three are in the Eastern European Group).
 */
import countryNames from "i18n-iso-countries";
import ar from "i18n-iso-countries/langs/ar.json" with { type: "json" };
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import es from "i18n-iso-countries/langs/es.json" with { type: "json" };
import fr from "i18n-iso-countries/langs/fr.json" with { type: "json" };
import ru from "i18n-iso-countries/langs/ru.json" with { type: "json" };
import zh from "i18n-iso-countries/langs/zh.json" with { type: "json" };
import type { Lang } from "../../platform/i18n/languages.js";

// The node entry of the package registers every locale already; registering the six we use keeps
// this module correct under any other entry (the package's "browser" entry registers none).
for (const locale of [en, fr, es, ar, ru, zh]) countryNames.registerLocale(locale);

export type RegionalGroup = "African" | "Asia-Pacific" | "Eastern European" | "GRULAC" | "WEOG";

export const regionalGroups: readonly RegionalGroup[] = [
  "African",
  "Asia-Pacific",
  "Eastern European",
  "GRULAC",
  "WEOG",
];

export interface CountryInfo {
  /** ISO 3166-1 alpha-2 code, upper case. */
  code: string;
  regionalGroup: RegionalGroup;
  /** M49 code of the region: "002" Africa, "019" Americas, "142" Asia, "150" Europe, "009" Oceania. */
  m49Region: string;
  /** M49 code of the sub-region (not the intermediate region): "419" Latin America and the Caribbean, … */
  m49Subregion: string;
}

const AFR: RegionalGroup = "African";
const APG: RegionalGroup = "Asia-Pacific";
const EEG: RegionalGroup = "Eastern European";
const LAC: RegionalGroup = "GRULAC";
const WEO: RegionalGroup = "WEOG";

type Row = readonly [code: string, group: RegionalGroup, region: string, subregion: string];

/**
 * By M49 sub-region. Unless marked, a row is a UN Member State. Rows marked "observer" are the two
 * non-member observer States; rows marked "territory" are areas that are not States members of the
 * UN, listed because an organisation may be based there: each gets the group of the State it
 * belongs to, and only where that is also the group of its geographical region, except Puerto Rico
 * (see its row). Kosovo has no ISO 3166-1 code and is not listed.
 */
const rows: readonly Row[] = [
  // 002 Africa — 015 Northern Africa
  ["DZ", AFR, "002", "015"], // Algeria
  ["EG", AFR, "002", "015"], // Egypt
  ["LY", AFR, "002", "015"], // Libya
  ["MA", AFR, "002", "015"], // Morocco
  ["SD", AFR, "002", "015"], // Sudan
  ["TN", AFR, "002", "015"], // Tunisia
  // 002 Africa — 202 Sub-Saharan Africa
  ["AO", AFR, "002", "202"], // Angola
  ["BF", AFR, "002", "202"], // Burkina Faso
  ["BI", AFR, "002", "202"], // Burundi
  ["BJ", AFR, "002", "202"], // Benin
  ["BW", AFR, "002", "202"], // Botswana
  ["CD", AFR, "002", "202"], // Democratic Republic of the Congo
  ["CF", AFR, "002", "202"], // Central African Republic
  ["CG", AFR, "002", "202"], // Congo
  ["CI", AFR, "002", "202"], // Côte d'Ivoire
  ["CM", AFR, "002", "202"], // Cameroon
  ["CV", AFR, "002", "202"], // Cabo Verde
  ["DJ", AFR, "002", "202"], // Djibouti
  ["ER", AFR, "002", "202"], // Eritrea
  ["ET", AFR, "002", "202"], // Ethiopia
  ["GA", AFR, "002", "202"], // Gabon
  ["GH", AFR, "002", "202"], // Ghana
  ["GM", AFR, "002", "202"], // Gambia
  ["GN", AFR, "002", "202"], // Guinea
  ["GQ", AFR, "002", "202"], // Equatorial Guinea
  ["GW", AFR, "002", "202"], // Guinea-Bissau
  ["KE", AFR, "002", "202"], // Kenya
  ["KM", AFR, "002", "202"], // Comoros
  ["LR", AFR, "002", "202"], // Liberia
  ["LS", AFR, "002", "202"], // Lesotho
  ["MG", AFR, "002", "202"], // Madagascar
  ["ML", AFR, "002", "202"], // Mali
  ["MR", AFR, "002", "202"], // Mauritania
  ["MU", AFR, "002", "202"], // Mauritius
  ["MW", AFR, "002", "202"], // Malawi
  ["MZ", AFR, "002", "202"], // Mozambique
  ["NA", AFR, "002", "202"], // Namibia
  ["NE", AFR, "002", "202"], // Niger
  ["NG", AFR, "002", "202"], // Nigeria
  ["RW", AFR, "002", "202"], // Rwanda
  ["SC", AFR, "002", "202"], // Seychelles
  ["SL", AFR, "002", "202"], // Sierra Leone
  ["SN", AFR, "002", "202"], // Senegal
  ["SO", AFR, "002", "202"], // Somalia
  ["SS", AFR, "002", "202"], // South Sudan
  ["ST", AFR, "002", "202"], // Sao Tome and Principe
  ["SZ", AFR, "002", "202"], // Eswatini
  ["TD", AFR, "002", "202"], // Chad
  ["TG", AFR, "002", "202"], // Togo
  ["TZ", AFR, "002", "202"], // United Republic of Tanzania
  ["UG", AFR, "002", "202"], // Uganda
  ["ZA", AFR, "002", "202"], // South Africa
  ["ZM", AFR, "002", "202"], // Zambia
  ["ZW", AFR, "002", "202"], // Zimbabwe

  // 019 Americas — 021 Northern America
  ["CA", WEO, "019", "021"], // Canada
  ["US", WEO, "019", "021"], // United States of America: WEOG observer, a member for electoral purposes
  ["GL", WEO, "019", "021"], // Greenland — territory (Denmark)
  // 019 Americas — 419 Latin America and the Caribbean
  ["AG", LAC, "019", "419"], // Antigua and Barbuda
  ["AR", LAC, "019", "419"], // Argentina
  ["BB", LAC, "019", "419"], // Barbados
  ["BO", LAC, "019", "419"], // Bolivia (Plurinational State of)
  ["BR", LAC, "019", "419"], // Brazil
  ["BS", LAC, "019", "419"], // Bahamas
  ["BZ", LAC, "019", "419"], // Belize
  ["CL", LAC, "019", "419"], // Chile
  ["CO", LAC, "019", "419"], // Colombia
  ["CR", LAC, "019", "419"], // Costa Rica
  ["CU", LAC, "019", "419"], // Cuba
  ["DM", LAC, "019", "419"], // Dominica
  ["DO", LAC, "019", "419"], // Dominican Republic
  ["EC", LAC, "019", "419"], // Ecuador
  ["GD", LAC, "019", "419"], // Grenada
  ["GT", LAC, "019", "419"], // Guatemala
  ["GY", LAC, "019", "419"], // Guyana
  ["HN", LAC, "019", "419"], // Honduras
  ["HT", LAC, "019", "419"], // Haiti
  ["JM", LAC, "019", "419"], // Jamaica
  ["KN", LAC, "019", "419"], // Saint Kitts and Nevis
  ["LC", LAC, "019", "419"], // Saint Lucia
  ["MX", LAC, "019", "419"], // Mexico
  ["NI", LAC, "019", "419"], // Nicaragua
  ["PA", LAC, "019", "419"], // Panama
  ["PE", LAC, "019", "419"], // Peru
  ["PY", LAC, "019", "419"], // Paraguay
  ["SR", LAC, "019", "419"], // Suriname
  ["SV", LAC, "019", "419"], // El Salvador
  ["TT", LAC, "019", "419"], // Trinidad and Tobago
  ["UY", LAC, "019", "419"], // Uruguay
  ["VC", LAC, "019", "419"], // Saint Vincent and the Grenadines
  ["VE", LAC, "019", "419"], // Venezuela (Bolivarian Republic of)
  // Puerto Rico — territory (United States). By geography, not by sovereignty: the United States
  // would give WEOG, but an organisation from Puerto Rico works in the Latin American and
  // Caribbean region.
  ["PR", LAC, "019", "419"],

  // 142 Asia — 143 Central Asia
  ["KG", APG, "142", "143"], // Kyrgyzstan
  ["KZ", APG, "142", "143"], // Kazakhstan
  ["TJ", APG, "142", "143"], // Tajikistan
  ["TM", APG, "142", "143"], // Turkmenistan
  ["UZ", APG, "142", "143"], // Uzbekistan
  // 142 Asia — 030 Eastern Asia
  ["CN", APG, "142", "030"], // China
  ["JP", APG, "142", "030"], // Japan
  ["KP", APG, "142", "030"], // Democratic People's Republic of Korea
  ["KR", APG, "142", "030"], // Republic of Korea
  ["MN", APG, "142", "030"], // Mongolia
  ["HK", APG, "142", "030"], // China, Hong Kong Special Administrative Region — territory (China)
  ["MO", APG, "142", "030"], // China, Macao Special Administrative Region — territory (China)
  // Taiwan Province of China — territory (China). M49 lists no separate code for it (it is
  // included in China); Eastern Asia is China's sub-region.
  ["TW", APG, "142", "030"],
  // 142 Asia — 035 South-eastern Asia
  ["BN", APG, "142", "035"], // Brunei Darussalam
  ["ID", APG, "142", "035"], // Indonesia
  ["KH", APG, "142", "035"], // Cambodia
  ["LA", APG, "142", "035"], // Lao People's Democratic Republic
  ["MM", APG, "142", "035"], // Myanmar
  ["MY", APG, "142", "035"], // Malaysia
  ["PH", APG, "142", "035"], // Philippines
  ["SG", APG, "142", "035"], // Singapore
  ["TH", APG, "142", "035"], // Thailand
  ["TL", APG, "142", "035"], // Timor-Leste
  ["VN", APG, "142", "035"], // Viet Nam
  // 142 Asia — 034 Southern Asia
  ["AF", APG, "142", "034"], // Afghanistan
  ["BD", APG, "142", "034"], // Bangladesh
  ["BT", APG, "142", "034"], // Bhutan
  ["IN", APG, "142", "034"], // India
  ["IR", APG, "142", "034"], // Iran (Islamic Republic of)
  ["LK", APG, "142", "034"], // Sri Lanka
  ["MV", APG, "142", "034"], // Maldives
  ["NP", APG, "142", "034"], // Nepal
  ["PK", APG, "142", "034"], // Pakistan
  // 142 Asia — 145 Western Asia
  ["AE", APG, "142", "145"], // United Arab Emirates
  ["AM", EEG, "142", "145"], // Armenia
  ["AZ", EEG, "142", "145"], // Azerbaijan
  ["BH", APG, "142", "145"], // Bahrain
  ["CY", APG, "142", "145"], // Cyprus
  ["GE", EEG, "142", "145"], // Georgia
  ["IL", WEO, "142", "145"], // Israel
  ["IQ", APG, "142", "145"], // Iraq
  ["JO", APG, "142", "145"], // Jordan
  ["KW", APG, "142", "145"], // Kuwait
  ["LB", APG, "142", "145"], // Lebanon
  ["OM", APG, "142", "145"], // Oman
  ["QA", APG, "142", "145"], // Qatar
  ["SA", APG, "142", "145"], // Saudi Arabia
  ["SY", APG, "142", "145"], // Syrian Arab Republic
  ["TR", WEO, "142", "145"], // Türkiye: WEOG for electoral purposes, also participates in Asia-Pacific
  ["YE", APG, "142", "145"], // Yemen
  // State of Palestine — observer State; a full member of the Asia-Pacific Group.
  ["PS", APG, "142", "145"],

  // 150 Europe — 151 Eastern Europe
  ["BG", EEG, "150", "151"], // Bulgaria
  ["BY", EEG, "150", "151"], // Belarus
  ["CZ", EEG, "150", "151"], // Czechia
  ["HU", EEG, "150", "151"], // Hungary
  ["MD", EEG, "150", "151"], // Republic of Moldova
  ["PL", EEG, "150", "151"], // Poland
  ["RO", EEG, "150", "151"], // Romania
  ["RU", EEG, "150", "151"], // Russian Federation
  ["SK", EEG, "150", "151"], // Slovakia
  ["UA", EEG, "150", "151"], // Ukraine
  // 150 Europe — 154 Northern Europe
  ["DK", WEO, "150", "154"], // Denmark
  ["EE", EEG, "150", "154"], // Estonia
  ["FI", WEO, "150", "154"], // Finland
  ["GB", WEO, "150", "154"], // United Kingdom of Great Britain and Northern Ireland
  ["IE", WEO, "150", "154"], // Ireland
  ["IS", WEO, "150", "154"], // Iceland
  ["LT", EEG, "150", "154"], // Lithuania
  ["LV", EEG, "150", "154"], // Latvia
  ["NO", WEO, "150", "154"], // Norway
  ["SE", WEO, "150", "154"], // Sweden
  ["FO", WEO, "150", "154"], // Faroe Islands — territory (Denmark)
  ["GG", WEO, "150", "154"], // Guernsey — territory (Crown Dependency of the United Kingdom)
  ["IM", WEO, "150", "154"], // Isle of Man — territory (Crown Dependency of the United Kingdom)
  ["JE", WEO, "150", "154"], // Jersey — territory (Crown Dependency of the United Kingdom)
  // 150 Europe — 039 Southern Europe
  ["AD", WEO, "150", "039"], // Andorra
  ["AL", EEG, "150", "039"], // Albania
  ["BA", EEG, "150", "039"], // Bosnia and Herzegovina
  ["ES", WEO, "150", "039"], // Spain
  ["GR", WEO, "150", "039"], // Greece
  ["HR", EEG, "150", "039"], // Croatia
  ["IT", WEO, "150", "039"], // Italy
  ["ME", EEG, "150", "039"], // Montenegro
  ["MK", EEG, "150", "039"], // North Macedonia
  ["MT", WEO, "150", "039"], // Malta
  ["PT", WEO, "150", "039"], // Portugal
  ["RS", EEG, "150", "039"], // Serbia
  ["SI", EEG, "150", "039"], // Slovenia
  ["SM", WEO, "150", "039"], // San Marino
  ["GI", WEO, "150", "039"], // Gibraltar — territory (United Kingdom)
  // Holy See — observer State; it attends WEOG meetings as an observer, so WEOG here.
  ["VA", WEO, "150", "039"],
  // 150 Europe — 155 Western Europe
  ["AT", WEO, "150", "155"], // Austria
  ["BE", WEO, "150", "155"], // Belgium
  ["CH", WEO, "150", "155"], // Switzerland
  ["DE", WEO, "150", "155"], // Germany
  ["FR", WEO, "150", "155"], // France
  ["LI", WEO, "150", "155"], // Liechtenstein
  ["LU", WEO, "150", "155"], // Luxembourg
  ["MC", WEO, "150", "155"], // Monaco
  ["NL", WEO, "150", "155"], // Netherlands (Kingdom of the)

  // 009 Oceania — 053 Australia and New Zealand
  ["AU", WEO, "009", "053"], // Australia
  ["NZ", WEO, "009", "053"], // New Zealand
  // 009 Oceania — 054 Melanesia
  ["FJ", APG, "009", "054"], // Fiji
  ["PG", APG, "009", "054"], // Papua New Guinea
  ["SB", APG, "009", "054"], // Solomon Islands
  ["VU", APG, "009", "054"], // Vanuatu
  // 009 Oceania — 057 Micronesia
  ["FM", APG, "009", "057"], // Micronesia (Federated States of)
  ["KI", APG, "009", "057"], // Kiribati: Asia-Pacific Group since 2010
  ["MH", APG, "009", "057"], // Marshall Islands
  ["NR", APG, "009", "057"], // Nauru
  ["PW", APG, "009", "057"], // Palau
  // 009 Oceania — 061 Polynesia
  ["TO", APG, "009", "061"], // Tonga
  ["TV", APG, "009", "061"], // Tuvalu
  ["WS", APG, "009", "061"], // Samoa
];

export const countries: readonly CountryInfo[] = Object.freeze(
  rows
    .map(([code, regionalGroup, m49Region, m49Subregion]) =>
      Object.freeze({ code, regionalGroup, m49Region, m49Subregion }),
    )
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
);

const byCode: ReadonlyMap<string, CountryInfo> = new Map(countries.map((c) => [c.code, c]));

/** The country with this ISO 3166-1 alpha-2 code, in any case; undefined when it is not listed. */
export function countryInfo(code: string): CountryInfo | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/**
 * The short name of a country (ISO 3166-1, from i18n-iso-countries) in one of the six languages;
 * the English name when the language has none, the upper-cased code when the code is unknown.
 */
export function countryName(code: string, lang: Lang): string {
  const upper = code.trim().toUpperCase();
  return countryNames.getName(upper, lang) ?? countryNames.getName(upper, "en") ?? upper;
}

type Names = Readonly<Record<Lang, string>>;

/** Names of the M49 regions and of the sub-regions used above, as the UN Statistics Division writes them. */
const regionNames: Readonly<Record<string, Names>> = {
  "002": { en: "Africa", fr: "Afrique", es: "África", ar: "أفريقيا", ru: "Африка", zh: "非洲" },
  "019": { en: "Americas", fr: "Amériques", es: "Américas", ar: "الأمريكتان", ru: "Америка", zh: "美洲" },
  "142": { en: "Asia", fr: "Asie", es: "Asia", ar: "آسيا", ru: "Азия", zh: "亚洲" },
  "150": { en: "Europe", fr: "Europe", es: "Europa", ar: "أوروبا", ru: "Европа", zh: "欧洲" },
  "009": { en: "Oceania", fr: "Océanie", es: "Oceanía", ar: "أوقيانوسيا", ru: "Океания", zh: "大洋洲" },
  "015": {
    en: "Northern Africa",
    fr: "Afrique septentrionale",
    es: "África septentrional",
    ar: "شمال أفريقيا",
    ru: "Северная Африка",
    zh: "北非",
  },
  "202": {
    en: "Sub-Saharan Africa",
    fr: "Afrique subsaharienne",
    es: "África subsahariana",
    ar: "أفريقيا جنوب الصحراء الكبرى",
    ru: "Африка к югу от Сахары",
    zh: "撒哈拉以南非洲",
  },
  "419": {
    en: "Latin America and the Caribbean",
    fr: "Amérique latine et Caraïbes",
    es: "América Latina y el Caribe",
    ar: "أمريكا اللاتينية ومنطقة البحر الكاريبي",
    ru: "Латинская Америка и Карибский бассейн",
    zh: "拉丁美洲和加勒比",
  },
  "021": {
    en: "Northern America",
    fr: "Amérique septentrionale",
    es: "América septentrional",
    ar: "أمريكا الشمالية",
    ru: "Северная Америка",
    zh: "北美洲",
  },
  "143": {
    en: "Central Asia",
    fr: "Asie centrale",
    es: "Asia central",
    ar: "آسيا الوسطى",
    ru: "Центральная Азия",
    zh: "中亚",
  },
  "030": {
    en: "Eastern Asia",
    fr: "Asie orientale",
    es: "Asia oriental",
    ar: "شرق آسيا",
    ru: "Восточная Азия",
    zh: "东亚",
  },
  "035": {
    en: "South-eastern Asia",
    fr: "Asie du Sud-Est",
    es: "Asia sudoriental",
    ar: "جنوب شرق آسيا",
    ru: "Юго-Восточная Азия",
    zh: "东南亚",
  },
  "034": {
    en: "Southern Asia",
    fr: "Asie méridionale",
    es: "Asia meridional",
    ar: "جنوب آسيا",
    ru: "Южная Азия",
    zh: "南亚",
  },
  "145": {
    en: "Western Asia",
    fr: "Asie occidentale",
    es: "Asia occidental",
    ar: "غرب آسيا",
    ru: "Западная Азия",
    zh: "西亚",
  },
  "151": {
    en: "Eastern Europe",
    fr: "Europe orientale",
    es: "Europa oriental",
    ar: "أوروبا الشرقية",
    ru: "Восточная Европа",
    zh: "东欧",
  },
  "154": {
    en: "Northern Europe",
    fr: "Europe septentrionale",
    es: "Europa septentrional",
    ar: "أوروبا الشمالية",
    ru: "Северная Европа",
    zh: "北欧",
  },
  "039": {
    en: "Southern Europe",
    fr: "Europe méridionale",
    es: "Europa meridional",
    ar: "أوروبا الجنوبية",
    ru: "Южная Европа",
    zh: "南欧",
  },
  "155": {
    en: "Western Europe",
    fr: "Europe occidentale",
    es: "Europa occidental",
    ar: "أوروبا الغربية",
    ru: "Западная Европа",
    zh: "西欧",
  },
  "053": {
    en: "Australia and New Zealand",
    fr: "Australie et Nouvelle-Zélande",
    es: "Australia y Nueva Zelandia",
    ar: "أستراليا ونيوزيلندا",
    ru: "Австралия и Новая Зеландия",
    zh: "澳大利亚和新西兰",
  },
  "054": {
    en: "Melanesia",
    fr: "Mélanésie",
    es: "Melanesia",
    ar: "ميلانيزيا",
    ru: "Меланезия",
    zh: "美拉尼西亚",
  },
  "057": {
    en: "Micronesia",
    fr: "Micronésie",
    es: "Micronesia",
    ar: "ميكرونيزيا",
    ru: "Микронезия",
    zh: "密克罗尼西亚",
  },
  "061": {
    en: "Polynesia",
    fr: "Polynésie",
    es: "Polinesia",
    ar: "بولينيزيا",
    ru: "Полинезия",
    zh: "波利尼西亚",
  },
};

/** The name of an M49 region or sub-region used by `countries`; the code itself for any other code. */
export function regionName(m49: string, lang: Lang): string {
  return regionNames[m49]?.[lang] ?? m49;
}

/** Formal names of the groups, as the Journal of the United Nations writes them in each language. */
const groupNames: Readonly<Record<RegionalGroup, Names>> = {
  African: {
    en: "Group of African States",
    fr: "Groupe des États d'Afrique",
    es: "Grupo de Estados de África",
    ar: "مجموعة الدول الأفريقية",
    ru: "Группа африканских государств",
    zh: "非洲国家集团",
  },
  "Asia-Pacific": {
    en: "Group of Asia-Pacific States",
    fr: "Groupe des États d'Asie et du Pacifique",
    es: "Grupo de Estados de Asia y el Pacífico",
    ar: "مجموعة دول آسيا والمحيط الهادئ",
    ru: "Группа азиатско-тихоокеанских государств",
    zh: "亚洲-太平洋国家集团",
  },
  "Eastern European": {
    en: "Group of Eastern European States",
    fr: "Groupe des États d'Europe orientale",
    es: "Grupo de Estados de Europa Oriental",
    ar: "مجموعة دول أوروبا الشرقية",
    ru: "Группа восточноевропейских государств",
    zh: "东欧国家集团",
  },
  GRULAC: {
    en: "Group of Latin American and Caribbean States",
    fr: "Groupe des États d'Amérique latine et des Caraïbes",
    es: "Grupo de Estados de América Latina y el Caribe",
    ar: "مجموعة دول أمريكا اللاتينية ومنطقة البحر الكاريبي",
    ru: "Группа государств Латинской Америки и Карибского бассейна",
    zh: "拉丁美洲和加勒比国家集团",
  },
  WEOG: {
    en: "Group of Western European and other States",
    fr: "Groupe des États d'Europe occidentale et autres États",
    es: "Grupo de Estados de Europa Occidental y otros Estados",
    ar: "مجموعة دول أوروبا الغربية ودول أخرى",
    ru: "Группа западноевропейских и других государств",
    zh: "西欧和其他国家集团",
  },
};

export function regionalGroupName(group: RegionalGroup, lang: Lang): string {
  return groupNames[group][lang];
}
