import assert from "node:assert/strict";
import { test } from "node:test";
import countryNames from "i18n-iso-countries";
import { languages } from "../../platform/i18n/languages.js";
import {
  type CountryInfo,
  countries,
  countryInfo,
  countryName,
  type RegionalGroup,
  regionalGroupName,
  regionalGroups,
  regionName,
} from "./geography.js";

/** The 193 Member States of the United Nations, by ISO 3166-1 alpha-2 code. */
const memberStates = [
  ...["AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF"],
  ...["BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD", "CF", "CG"],
  ...["CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO"],
  ...["DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA", "GB", "GD", "GE", "GH"],
  ...["GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IQ"],
  ...["IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KZ"],
  ...["LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MG"],
  ...["MH", "MK", "ML", "MM", "MN", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG"],
  ...["NI", "NL", "NO", "NP", "NR", "NZ", "OM", "PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY"],
  ...["QA", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN"],
  ...["SO", "SR", "SS", "ST", "SV", "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR"],
  ...["TT", "TV", "TZ", "UA", "UG", "US", "UY", "UZ", "VC", "VE", "VN", "VU", "WS", "YE", "ZA", "ZM"],
  "ZW",
];

const observerStates = ["PS", "VA"];
const territories = ["FO", "GG", "GI", "GL", "HK", "IM", "JE", "MO", "PR", "TW"];

const m49Hierarchy: Record<string, readonly string[]> = {
  "002": ["015", "202"],
  "019": ["419", "021"],
  "142": ["143", "030", "035", "034", "145"],
  "150": ["151", "154", "039", "155"],
  "009": ["053", "054", "057", "061"],
};

function info(code: string): CountryInfo {
  const found = countryInfo(code);
  assert.ok(found, `${code} is listed`);
  return found;
}

test("the list holds the 193 Member States, the two observer States and the chosen territories", () => {
  assert.equal(new Set(memberStates).size, 193);
  const codes = countries.map((c) => c.code);
  assert.equal(new Set(codes).size, codes.length, "no code twice");
  assert.deepEqual([...codes].sort(), [...memberStates, ...observerStates, ...territories].sort());
});

test("countries are sorted by code", () => {
  const codes = countries.map((c) => c.code);
  assert.deepEqual(codes, [...codes].sort());
});

test("the Member States per regional group are the UN figures for electoral purposes", () => {
  // DGACM: African 54; Asia-Pacific 54 with Kiribati (a member since 2010; the older "53" predates
  // it); Eastern European 23; GRULAC 33; WEOG 28 members + the United States, observer counted as a
  // member for electoral purposes = 29. Türkiye is counted in WEOG only.
  const counts = Object.fromEntries(regionalGroups.map((g) => [g, 0])) as Record<RegionalGroup, number>;
  for (const code of memberStates) counts[info(code).regionalGroup]++;
  assert.deepEqual(counts, {
    African: 54,
    "Asia-Pacific": 54,
    "Eastern European": 23,
    GRULAC: 33,
    WEOG: 29,
  });
});

test("edge cases of regional group and M49 sub-region", () => {
  const expected: [string, RegionalGroup, string, string][] = [
    ["CY", "Asia-Pacific", "142", "145"],
    ["TR", "WEOG", "142", "145"],
    ["IL", "WEOG", "142", "145"],
    ["US", "WEOG", "019", "021"],
    ["CA", "WEOG", "019", "021"],
    ["AU", "WEOG", "009", "053"],
    ["NZ", "WEOG", "009", "053"],
    ["KI", "Asia-Pacific", "009", "057"],
    ["RU", "Eastern European", "150", "151"],
    ["EE", "Eastern European", "150", "154"],
    ["LV", "Eastern European", "150", "154"],
    ["LT", "Eastern European", "150", "154"],
    ["MX", "GRULAC", "019", "419"],
    ["JP", "Asia-Pacific", "142", "030"],
    ["EG", "African", "002", "015"],
    ["SD", "African", "002", "015"],
    ["SS", "African", "002", "202"],
    ["KZ", "Asia-Pacific", "142", "143"],
    ["GE", "Eastern European", "142", "145"],
    ["AM", "Eastern European", "142", "145"],
    ["AZ", "Eastern European", "142", "145"],
    ["MT", "WEOG", "150", "039"],
    ["PS", "Asia-Pacific", "142", "145"],
    ["VA", "WEOG", "150", "039"],
    ["HK", "Asia-Pacific", "142", "030"],
    ["MO", "Asia-Pacific", "142", "030"],
    ["TW", "Asia-Pacific", "142", "030"],
    ["PR", "GRULAC", "019", "419"],
    ["GL", "WEOG", "019", "021"],
  ];
  for (const [code, regionalGroup, m49Region, m49Subregion] of expected) {
    assert.deepEqual(info(code), { code, regionalGroup, m49Region, m49Subregion }, code);
  }
});

test("every M49 sub-region belongs to its region, and every region is named in the six languages", () => {
  for (const c of countries) {
    assert.ok(
      m49Hierarchy[c.m49Region]?.includes(c.m49Subregion),
      `${c.code}: ${c.m49Region}/${c.m49Subregion}`,
    );
  }
  const used = new Set(countries.flatMap((c) => [c.m49Region, c.m49Subregion]));
  const all = Object.entries(m49Hierarchy).flatMap(([region, subs]) => [region, ...subs]);
  assert.deepEqual([...used].sort(), [...all].sort(), "every region and sub-region is used");
  for (const code of all) {
    for (const lang of languages) {
      const name = regionName(code, lang);
      assert.ok(name && name !== code, `${code} ${lang}`);
    }
  }
  assert.equal(regionName("019", "en"), "Americas");
  assert.equal(regionName("202", "fr"), "Afrique subsaharienne");
  assert.equal(regionName("035", "es"), "Asia sudoriental");
  assert.equal(regionName("145", "ru"), "Западная Азия");
  assert.equal(regionName("999", "en"), "999");
});

test("every code is an ISO 3166-1 alpha-2 code known to i18n-iso-countries, named in the six languages", () => {
  for (const c of countries) {
    assert.match(c.code, /^[A-Z]{2}$/);
    assert.ok(countryNames.isValid(c.code), c.code);
    for (const lang of languages) {
      assert.equal(countryName(c.code, lang), countryNames.getName(c.code, lang), `${c.code} ${lang}`);
      assert.ok(
        countryName(c.code, lang).length > 0 && countryName(c.code, lang) !== c.code,
        `${c.code} ${lang}`,
      );
    }
  }
  assert.equal(countryName("AT", "fr"), "Autriche");
  assert.equal(countryName("at", "en"), "Austria");
  assert.equal(countryName("DE", "zh"), "德国");
  assert.equal(countryName("QQ", "fr"), "QQ");
});

test("regional group names in the six languages", () => {
  for (const group of regionalGroups) {
    const names = languages.map((lang) => regionalGroupName(group, lang));
    assert.equal(new Set(names).size, 6, `${group}: six different names`);
  }
  assert.equal(regionalGroupName("WEOG", "en"), "Group of Western European and other States");
  assert.equal(regionalGroupName("WEOG", "fr"), "Groupe des États d'Europe occidentale et autres États");
  assert.equal(regionalGroupName("WEOG", "es"), "Grupo de Estados de Europa Occidental y otros Estados");
  assert.equal(regionalGroupName("WEOG", "ar"), "مجموعة دول أوروبا الغربية ودول أخرى");
  assert.equal(regionalGroupName("WEOG", "ru"), "Группа западноевропейских и других государств");
  assert.equal(regionalGroupName("WEOG", "zh"), "西欧和其他国家集团");
  assert.equal(regionalGroupName("African", "en"), "Group of African States");
  assert.equal(regionalGroupName("GRULAC", "zh"), "拉丁美洲和加勒比国家集团");
});

test("lookup ignores case and surrounding spaces", () => {
  assert.equal(countryInfo("at"), countryInfo("AT"));
  assert.equal(countryInfo("Tr")?.regionalGroup, "WEOG");
  assert.equal(countryInfo(" cy ")?.regionalGroup, "Asia-Pacific");
  assert.equal(countryInfo("XK"), undefined, "Kosovo has no ISO code and is not listed");
  assert.equal(countryInfo(""), undefined);
});
