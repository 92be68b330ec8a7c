/**
 * The 7 side events that NGOs ran at the 6th session (Vienna, 15–19 October 2012). The source
 * (../shared/seed/000_640034f2613d0856.txt) names two: "Learning from victims of crime for a better
 * criminal justice response" (GAATW, ACUNS and EXIT, with two asylum-seeker panellists, an Albanian
 * lawyer and a young Afghan boy) and "The contribution of NGOs to combating trafficking in persons"
 * (cases of NGO–government collaboration). The other five are invented on the session's themes
 * (firearms, smuggling of migrants, environmental crime, corruption, victim assistance), with
 * organisers that work on them; rooms and times are invented too.
 *
 * Every person here is invented. The two protected panellists have invented names that must never
 * appear outside their identity route: the seed test checks the programme API, page and iCalendar.
 */
import type { FieldOfWorkCode } from "../modules/organisations/taxonomy.js";
import type { Localized } from "../modules/sessions/sessions.tables.js";
import type { PanellistCreate } from "../modules/side-events/side-events.schemas.js";
import type { SideEventFormat } from "../modules/side-events/side-events.tables.js";
import type { Lang } from "../platform/i18n/languages.js";
import { ALLIANCE_SLUG } from "./organisations.data.js";

export interface DemoSideEvent {
  lead: string;
  coorganisers: string[];
  title: Localized & { en: string };
  abstract: Localized;
  format: SideEventFormat;
  themes: FieldOfWorkCode[];
  agendaItems: string[];
  languages: Lang[];
  interpretation?: Lang[];
  expectedAudience: number;
  /** where and when the secretariat placed it (a room of demoRooms, a slot of demoTimeSlots) */
  room: string;
  slot: { date: string; start: string };
  panellists: PanellistCreate[];
}

/** The invented names of the two protected panellists: the canary of the demo. */
export const PROTECTED_DEMO_NAMES = ["Arben Kelmendi", "Farid Ahmadzai"] as const;

export const demoCall = {
  deadline: "2012-09-14T23:59:00+02:00",
  formats: ["panel", "workshop", "film"] as SideEventFormat[],
  slotMinutes: 90,
  maxProposalsPerOrganisation: 2,
  computedWeight: 30,
  criteria: [
    {
      code: "relevance",
      label: {
        en: "Relevance to the Convention and the agenda",
        fr: "Pertinence pour la Convention et l'ordre du jour",
        es: "Pertinencia para la Convención y el programa",
        ar: "الصلة بالاتفاقية وجدول الأعمال",
        ru: "Актуальность для Конвенции и повестки дня",
        zh: "与公约和议程的相关性",
      },
      weight: 3,
    },
    {
      code: "quality",
      label: {
        en: "Quality and originality of the content",
        fr: "Qualité et originalité du contenu",
        es: "Calidad y originalidad del contenido",
        ar: "جودة المحتوى وأصالته",
        ru: "Качество и оригинальность содержания",
        zh: "内容的质量和原创性",
      },
      weight: 2,
    },
    {
      code: "feasibility",
      label: {
        en: "Feasibility and organisation",
        fr: "Faisabilité et organisation",
        es: "Viabilidad y organización",
        ar: "الجدوى والتنظيم",
        ru: "Осуществимость и организация",
        zh: "可行性和组织",
      },
      weight: 1,
    },
  ],
};

const speaker = (
  name: string,
  gender: "female" | "male",
  country: string,
  affiliation: string,
  role: string,
): PanellistCreate => ({ name, gender, country, affiliation, role, consentToPublish: true });

export const demoSideEvents: DemoSideEvent[] = [
  {
    lead: "gaatw",
    coorganisers: ["acuns", "exit"],
    title: {
      en: "Learning from victims of crime for a better criminal justice response",
      fr: "Apprendre des victimes d'actes criminels pour une meilleure réponse de la justice pénale",
    },
    abstract: {
      en: "Victims of crime rarely speak where criminal justice policy is made. Two asylum seekers tell what they met in their countries of origin, on the journey and in the country that received them, and what the police, the courts and the asylum system could have done differently. Policy makers respond.",
      fr: "Les victimes d'actes criminels prennent rarement la parole là où se décide la politique pénale. Deux demandeurs d'asile racontent ce qu'ils ont vécu dans leur pays d'origine, pendant le voyage et dans le pays d'accueil, et ce que la police, les tribunaux et la procédure d'asile auraient pu faire autrement. Des décideurs répondent.",
    },
    format: "panel",
    themes: ["victim-assistance", "trafficking-in-persons", "migrants-and-refugees", "access-to-justice"],
    agendaItems: ["2(b)", "2(c)"],
    languages: ["en"],
    interpretation: ["fr"],
    expectedAudience: 80,
    room: "Conference Room M3",
    slot: { date: "2012-10-16", start: "13:15" },
    panellists: [
      {
        name: PROTECTED_DEMO_NAMES[0],
        gender: "male",
        country: "AL",
        affiliation: "Lawyer",
        bio: "A lawyer from Albania who sought asylum in Austria.",
        role: "Asylum seeker, lawyer",
        consentToPublish: false,
        protection: "asylum_seeker",
        pseudonym: "Panellist A (asylum seeker)",
      },
      {
        name: PROTECTED_DEMO_NAMES[1],
        gender: "male",
        country: "AF",
        bio: "A boy from Afghanistan who sought asylum in Austria.",
        role: "Asylum seeker, young person",
        consentToPublish: false,
        protection: "asylum_seeker",
        minor: true,
        pseudonym: "Panellist B (asylum seeker)",
      },
    ],
  },
  {
    lead: ALLIANCE_SLUG,
    coorganisers: ["la-strada-international", "shakti-vahini", "wotclef"],
    title: {
      en: "The contribution of NGOs to combating trafficking in persons",
      fr: "La contribution des ONG à la lutte contre la traite des personnes",
      es: "La contribución de las ONG a la lucha contra la trata de personas",
    },
    abstract: {
      en: "Cases of collaboration between NGOs and governments in implementing the Convention and its Trafficking Protocol: NGOs that opened access to justice, contributed research, built the capacity of victims and of other organisations, and supported law enforcement by reporting cases with evidence and assisting victims.",
      fr: "Des cas de collaboration entre ONG et gouvernements dans la mise en œuvre de la Convention et de son Protocole sur la traite : des ONG qui ont facilité l'accès à la justice, contribué à la recherche, renforcé les capacités des victimes et d'autres organisations, et soutenu l'application de la loi en signalant des cas de traite preuves à l'appui et en aidant les victimes.",
    },
    format: "panel",
    themes: ["trafficking-in-persons", "victim-assistance", "access-to-justice"],
    agendaItems: ["2(b)", "4"],
    languages: ["en", "fr"],
    expectedAudience: 120,
    room: "Boardroom B",
    slot: { date: "2012-10-17", start: "13:15" },
    panellists: [
      speaker(
        "Margaret Ellison",
        "female",
        "US",
        "NGO Alliance on Crime Prevention and Criminal Justice",
        "Moderator",
      ),
      speaker("Sanne Vermeulen", "female", "NL", "La Strada International", "Speaker"),
      speaker("Rakesh Kumar Singh", "male", "IN", "Shakti Vahini", "Speaker"),
      speaker("Chukwuma Adeyemi", "male", "NG", "WOTCLEF", "Speaker"),
    ],
  },
  {
    lead: "small-arms-survey",
    coorganisers: ["viva-rio", "wanep"],
    title: {
      en: "Tracing illicit firearms: civil society and the Firearms Protocol",
      fr: "Tracer les armes à feu illicites : la société civile et le Protocole sur les armes à feu",
      es: "Rastrear las armas de fuego ilícitas: la sociedad civil y el Protocolo sobre armas de fuego",
    },
    abstract: {
      en: "Research on the diversion of firearms and ammunition in Latin America and West Africa, and what marking, record-keeping and tracing under the Firearms Protocol change in practice.",
      es: "Investigaciones sobre el desvío de armas de fuego y municiones en América Latina y África Occidental, y lo que el marcaje, el registro y el rastreo previstos en el Protocolo cambian en la práctica.",
    },
    format: "panel",
    themes: ["firearms-trafficking", "small-arms-research"],
    agendaItems: ["2(d)"],
    languages: ["en", "es"],
    interpretation: ["fr"],
    expectedAudience: 60,
    room: "Conference Room C3",
    slot: { date: "2012-10-15", start: "13:15" },
    panellists: [
      speaker("Claire Montandon", "female", "CH", "Small Arms Survey", "Moderator"),
      speaker("Rafael Duarte", "male", "BR", "Viva Rio", "Speaker"),
      speaker("Akosua Mensah", "female", "GH", "WANEP", "Speaker"),
    ],
  },
  {
    lead: "tamkeen",
    coorganisers: ["kituo-cha-sheria", "hungarian-helsinki-committee"],
    title: {
      en: "Smuggled, not criminals: the rights of smuggled migrants under the Protocol",
      fr: "Objets d'un trafic, pas criminels : les droits des migrants objets d'un trafic",
      ar: "مهرَّبون لا مجرمون: حقوق المهاجرين المهرَّبين بموجب البروتوكول",
    },
    abstract: {
      en: "Article 5 of the Smuggling of Migrants Protocol says migrants shall not become liable to prosecution for having been smuggled. Legal aid organisations from Jordan, Kenya and Hungary compare how detention, return and access to a lawyer work in practice.",
      ar: "تنص المادة 5 من بروتوكول تهريب المهاجرين على ألا يتعرض المهاجرون للملاحقة الجنائية بسبب تهريبهم. تقارن منظمات المساعدة القانونية من الأردن وكينيا وهنغاريا الاحتجاز والإعادة والحصول على محام في الممارسة العملية.",
    },
    format: "workshop",
    themes: ["smuggling-of-migrants", "migrants-and-refugees", "legal-aid"],
    agendaItems: ["2(c)"],
    languages: ["en", "ar"],
    expectedAudience: 40,
    room: "Conference Room C7",
    slot: { date: "2012-10-16", start: "09:00" },
    panellists: [
      speaker("Lina Haddad", "female", "JO", "Tamkeen", "Speaker"),
      speaker("Peter Odhiambo", "male", "KE", "Kituo cha Sheria", "Speaker"),
      speaker("Zsófia Kertész", "female", "HU", "Hungarian Helsinki Committee", "Speaker"),
    ],
  },
  {
    lead: "eia",
    coorganisers: ["traffic"],
    title: {
      en: "Wildlife and timber trafficking as transnational organized crime",
      fr: "Le trafic d'espèces sauvages et de bois, une criminalité transnationale organisée",
    },
    abstract: {
      en: "A screening of undercover footage from timber and ivory investigations, followed by a discussion of how the Convention's tools (serious crime, mutual legal assistance, confiscation) can be used against environmental crime.",
    },
    format: "film",
    themes: ["environmental-crime", "corruption"],
    agendaItems: ["5", "3"],
    languages: ["en"],
    expectedAudience: 50,
    room: "Conference Room M7",
    slot: { date: "2012-10-18", start: "13:15" },
    panellists: [
      speaker("Thomas Whitfield", "male", "GB", "Environmental Investigation Agency", "Speaker"),
      speaker("Nomvula Dlamini", "female", "ZA", "TRAFFIC", "Speaker"),
    ],
  },
  {
    lead: "transparency-international",
    coorganisers: ["iba", "icw"],
    title: {
      en: "Corruption as an enabler of organized crime: the two Conventions together",
      fr: "La corruption au service du crime organisé : les deux Conventions ensemble",
      es: "La corrupción al servicio de la delincuencia organizada: las dos Convenciones juntas",
    },
    abstract: {
      en: "Organized crime needs corrupt officials. Speakers from Germany, the legal profession and Indonesia discuss how the review mechanisms of the Convention against Corruption and of the Convention against Transnational Organized Crime could learn from each other and open to civil society.",
    },
    format: "panel",
    themes: ["corruption", "money-laundering", "access-to-justice"],
    agendaItems: ["2(a)", "3"],
    languages: ["en"],
    interpretation: ["fr", "es"],
    expectedAudience: 90,
    room: "Boardroom B",
    slot: { date: "2012-10-18", start: "09:00" },
    panellists: [
      speaker("Katrin Becker", "female", "DE", "Transparency International", "Moderator"),
      speaker("Jonathan Price", "male", "GB", "International Bar Association", "Speaker"),
      speaker("Dewi Lestari", "female", "ID", "Indonesia Corruption Watch", "Speaker"),
    ],
  },
  {
    lead: "world-society-of-victimology",
    coorganisers: ["haart-kenya", "fundacion-maria-de-los-angeles"],
    title: {
      en: "Assisting victims of trafficking: small grants, lasting services",
      fr: "Aider les victimes de la traite : petites subventions, services durables",
      es: "Asistir a las víctimas de la trata: pequeñas subvenciones, servicios duraderos",
    },
    abstract: {
      en: "Shelters, legal aid and reintegration programmes in Kenya and Argentina funded by the United Nations Voluntary Trust Fund for Victims of Trafficking in Persons: what a small grant makes possible, and how victimology measures the difference.",
      es: "Refugios, asistencia jurídica y programas de reintegración en Kenia y Argentina financiados por el Fondo Fiduciario de Contribuciones Voluntarias de las Naciones Unidas para las Víctimas de la Trata de Personas: lo que hace posible una pequeña subvención y cómo la victimología mide la diferencia.",
    },
    format: "panel",
    themes: ["victim-assistance", "trafficking-in-persons", "research-and-academia"],
    agendaItems: ["2(b)", "4"],
    languages: ["en", "es"],
    expectedAudience: 70,
    room: "Conference Room M3",
    slot: { date: "2012-10-19", start: "13:15" },
    panellists: [
      speaker("Hendrik Jansen", "male", "NL", "World Society of Victimology", "Moderator"),
      speaker("Wanjiru Kamau", "female", "KE", "HAART Kenya", "Speaker"),
      speaker("Lucía Fernández", "female", "AR", "Fundación María de los Ángeles", "Speaker"),
    ],
  },
];
