/**
 * The session of the demo: the sixth session of the Conference of the Parties to the United
 * Nations Convention against Transnational Organized Crime, Vienna International Centre, 15–19
 * October 2012. The agenda follows the structure of the session's provisional agenda (document
 * CTOC/COP/2012/1), with condensed titles; room capacities are approximate.
 */
import type { SessionCreate } from "../modules/sessions/sessions.schemas.js";
import type { EquipmentCode, Localized } from "../modules/sessions/sessions.tables.js";

export const SESSION_SLUG = "cop6";

export const demoSession: SessionCreate = {
  slug: SESSION_SLUG,
  number: 6,
  name: {
    en: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime — sixth session",
    fr: "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée — sixième session",
    es: "Conferencia de las Partes en la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional — sexto período de sesiones",
    ar: "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية — الدورة السادسة",
    ru: "Конференция участников Конвенции Организации Объединенных Наций против транснациональной организованной преступности — шестая сессия",
    zh: "联合国打击跨国有组织犯罪公约缔约方会议 — 第六届会议",
  },
  body: {
    en: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    fr: "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée",
    es: "Conferencia de las Partes en la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
    ar: "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
    ru: "Конференция участников Конвенции Организации Объединенных Наций против транснациональной организованной преступности",
    zh: "联合国打击跨国有组织犯罪公约缔约方会议",
  },
  startsOn: "2012-10-15",
  endsOn: "2012-10-19",
  venue: { name: "Vienna International Centre", city: "Vienna", country: "AT" },
  timeZone: "Europe/Vienna",
  workingLanguages: ["en", "fr", "es", "ar", "ru", "zh"],
  status: "published",
  // NGOs without ECOSOC status apply early enough for their list to be circulated 30 days before
  // the session (rule 17): applications closed in early September, side-event proposals mid-month.
  observerApplicationDeadline: "2012-09-05T23:59",
  sideEventProposalDeadline: "2012-09-14T23:59",
  rule17CirculationDays: 30,
  objectionWindowDays: 14,
  delegateQuota: 5,
  retentionDays: 90,
};

export const demoAgenda: Array<{ number: string; title: Localized }> = [
  {
    number: "1",
    title: {
      en: "Organizational matters",
      fr: "Questions d'organisation",
      es: "Cuestiones de organización",
      ar: "المسائل التنظيمية",
      ru: "Организационные вопросы",
      zh: "组织事项",
    },
  },
  {
    number: "1(a)",
    title: {
      en: "Opening of the sixth session of the Conference",
      fr: "Ouverture de la sixième session de la Conférence",
      es: "Apertura del sexto período de sesiones de la Conferencia",
    },
  },
  {
    number: "1(b)",
    title: { en: "Election of officers", fr: "Élection du Bureau", es: "Elección de la Mesa" },
  },
  {
    number: "1(c)",
    title: {
      en: "Adoption of the agenda and organization of work",
      fr: "Adoption de l'ordre du jour et organisation des travaux",
      es: "Aprobación del programa y organización de los trabajos",
    },
  },
  {
    number: "1(d)",
    title: {
      en: "Participation of observers",
      fr: "Participation d'observateurs",
      es: "Participación de observadores",
    },
  },
  {
    number: "1(e)",
    title: {
      en: "Adoption of the report of the Bureau on credentials",
      fr: "Adoption du rapport du Bureau sur les pouvoirs",
      es: "Aprobación del informe de la Mesa sobre las credenciales",
    },
  },
  {
    number: "1(f)",
    title: { en: "General discussion", fr: "Débat général", es: "Debate general" },
  },
  {
    number: "2",
    title: {
      en: "Review of the implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto",
      fr: "Examen de l'application de la Convention des Nations Unies contre la criminalité transnationale organisée et des Protocoles s'y rapportant",
      es: "Examen de la aplicación de la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y sus Protocolos",
      ar: "استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية والبروتوكولات الملحقة بها",
      ru: "Обзор осуществления Конвенции Организации Объединенных Наций против транснациональной организованной преступности и протоколов к ней",
      zh: "审议《联合国打击跨国有组织犯罪公约》及其各项议定书的实施情况",
    },
  },
  {
    number: "2(a)",
    title: {
      en: "United Nations Convention against Transnational Organized Crime",
      fr: "Convention des Nations Unies contre la criminalité transnationale organisée",
      es: "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
    },
  },
  {
    number: "2(b)",
    title: {
      en: "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children",
      fr: "Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants",
      es: "Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños",
    },
  },
  {
    number: "2(c)",
    title: {
      en: "Protocol against the Smuggling of Migrants by Land, Sea and Air",
      fr: "Protocole contre le trafic illicite de migrants par terre, mer et air",
      es: "Protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire",
    },
  },
  {
    number: "2(d)",
    title: {
      en: "Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition",
      fr: "Protocole contre la fabrication et le trafic illicites d'armes à feu, de leurs pièces, éléments et munitions",
      es: "Protocolo contra la fabricación y el tráfico ilícitos de armas de fuego, sus piezas y componentes y municiones",
    },
  },
  {
    number: "3",
    title: {
      en: "International cooperation, with particular emphasis on extradition, mutual legal assistance and international cooperation for the purpose of confiscation",
      fr: "Coopération internationale, l'accent étant mis en particulier sur l'extradition, l'entraide judiciaire et la coopération internationale aux fins de confiscation",
      es: "Cooperación internacional, con especial hincapié en la extradición, la asistencia judicial recíproca y la cooperación internacional con fines de decomiso",
      ar: "التعاون الدولي، مع التركيز بوجه خاص على تسليم المطلوبين والمساعدة القانونية المتبادلة والتعاون الدولي لأغراض المصادرة",
      ru: "Международное сотрудничество, с уделением особого внимания выдаче, взаимной правовой помощи и международному сотрудничеству в целях конфискации",
      zh: "国际合作，特别侧重于引渡、司法协助和以没收为目的的国际合作",
    },
  },
  {
    number: "4",
    title: {
      en: "Technical assistance",
      fr: "Assistance technique",
      es: "Asistencia técnica",
      ar: "المساعدة التقنية",
      ru: "Техническая помощь",
      zh: "技术援助",
    },
  },
  {
    number: "5",
    title: {
      en: "Emerging forms of crime",
      fr: "Formes nouvelles de criminalité",
      es: "Formas de delincuencia nuevas y emergentes",
      ar: "أشكال الجريمة المستجدة",
      ru: "Новые формы преступности",
      zh: "新出现的犯罪形式",
    },
  },
  {
    number: "6",
    title: {
      en: "Financial and budgetary matters",
      fr: "Questions financières et budgétaires",
      es: "Cuestiones financieras y presupuestarias",
      ar: "المسائل المالية ومسائل الميزانية",
      ru: "Финансовые и бюджетные вопросы",
      zh: "财务和预算事项",
    },
  },
  {
    number: "7",
    title: {
      en: "Provisional agenda for the seventh session of the Conference",
      fr: "Ordre du jour provisoire de la septième session de la Conférence",
      es: "Programa provisional del séptimo período de sesiones de la Conferencia",
      ar: "جدول الأعمال المؤقت للدورة السابعة للمؤتمر",
      ru: "Предварительная повестка дня седьмой сессии Конференции",
      zh: "缔约方会议第七届会议临时议程",
    },
  },
  {
    number: "8",
    title: {
      en: "Other matters",
      fr: "Questions diverses",
      es: "Otros asuntos",
      ar: "مسائل أخرى",
      ru: "Прочие вопросы",
      zh: "其他事项",
    },
  },
  {
    number: "9",
    title: {
      en: "Adoption of the report of the Conference on its sixth session",
      fr: "Adoption du rapport de la Conférence sur les travaux de sa sixième session",
      es: "Aprobación del informe de la Conferencia sobre su sexto período de sesiones",
      ar: "اعتماد تقرير المؤتمر عن أعمال دورته السادسة",
      ru: "Утверждение доклада Конференции о работе ее шестой сессии",
      zh: "通过缔约方会议第六届会议报告",
    },
  },
];

const plenary: EquipmentCode[] = [
  "interpretation_booths",
  "microphones",
  "projector",
  "video_conferencing",
  "wheelchair_access",
  "hearing_loop",
];
const interpreted: EquipmentCode[] = [
  "interpretation_booths",
  "microphones",
  "projector",
  "wheelchair_access",
];
const meeting: EquipmentCode[] = ["microphones", "projector", "wheelchair_access"];

/** Rooms of the Vienna International Centre (capacities approximate). */
export const demoRooms: Array<{ name: string; capacity: number; equipment: EquipmentCode[] }> = [
  { name: "Plenary Hall (M Building)", capacity: 600, equipment: plenary },
  { name: "Boardroom A", capacity: 250, equipment: interpreted },
  { name: "Boardroom B", capacity: 120, equipment: interpreted },
  { name: "Conference Room M3", capacity: 90, equipment: [...meeting, "hearing_loop"] },
  { name: "Conference Room M7", capacity: 60, equipment: meeting },
  { name: "Conference Room C3", capacity: 60, equipment: [...meeting, "video_conferencing"] },
  { name: "Conference Room C7", capacity: 40, equipment: meeting },
];

const days = ["2012-10-15", "2012-10-16", "2012-10-17", "2012-10-18", "2012-10-19"];

/** Side events: a morning slot before the plenary and the lunch break, every day. */
export const demoTimeSlots: Array<{ date: string; start: string; end: string }> = days.flatMap((date) => [
  { date, start: "09:00", end: "09:50" },
  { date, start: "13:15", end: "14:45" },
]);

/**
 * Dates beyond the two named deadlines of the session (local times in Vienna). The rule-17
 * circulation date is not among them: the session derives it from rule17CirculationDays.
 */
export const demoDeadlines: Array<{ label: Localized; dueAt: string }> = [
  {
    label: {
      en: "Pre-session documents available in the six languages",
      fr: "Documents de présession disponibles dans les six langues",
      es: "Documentos previos al período de sesiones disponibles en los seis idiomas",
    },
    dueAt: "2012-09-03T18:00",
  },
  {
    label: {
      en: "NGO written statements",
      fr: "Déclarations écrites des ONG",
      es: "Declaraciones escritas de las ONG",
    },
    dueAt: "2012-09-21T23:59",
  },
  {
    label: {
      en: "Side-event programme published",
      fr: "Publication du programme des manifestations parallèles",
      es: "Publicación del programa de actos paralelos",
    },
    dueAt: "2012-10-01T12:00",
  },
  {
    label: {
      en: "Online registration of delegates closes",
      fr: "Clôture de l'inscription en ligne des délégués",
      es: "Cierre de la inscripción en línea de los delegados",
    },
    dueAt: "2012-10-05T23:59",
  },
];

/**
 * The plenary programme: two meetings a day in the Plenary Hall, 10:00–13:00 and 15:00–18:00
 * (local time in Vienna), taking up the agenda in order as the organization of work of a
 * five-day session does — opening and organizational matters on Monday morning, the general
 * discussion, the review of the Convention and each Protocol, international cooperation,
 * technical assistance, then the remaining items, credentials and the adoption of the report on
 * Friday afternoon. Agenda items by their numbers.
 */
export const demoPlenaryMeetings: Array<{
  date: string;
  start: string;
  end: string;
  title?: Localized;
  agendaItems: string[];
}> = [
  {
    date: "2012-10-15",
    start: "10:00",
    end: "13:00",
    title: {
      en: "Opening of the session",
      fr: "Ouverture de la session",
      es: "Apertura del período de sesiones",
      ar: "افتتاح الدورة",
      ru: "Открытие сессии",
      zh: "届会开幕",
    },
    agendaItems: ["1", "1(a)", "1(b)", "1(c)", "1(d)", "1(f)"],
  },
  { date: "2012-10-15", start: "15:00", end: "18:00", agendaItems: ["1(f)"] },
  { date: "2012-10-16", start: "10:00", end: "13:00", agendaItems: ["2", "2(a)"] },
  { date: "2012-10-16", start: "15:00", end: "18:00", agendaItems: ["2(b)"] },
  { date: "2012-10-17", start: "10:00", end: "13:00", agendaItems: ["2(c)"] },
  { date: "2012-10-17", start: "15:00", end: "18:00", agendaItems: ["2(d)"] },
  { date: "2012-10-18", start: "10:00", end: "13:00", agendaItems: ["3"] },
  { date: "2012-10-18", start: "15:00", end: "18:00", agendaItems: ["4", "5"] },
  { date: "2012-10-19", start: "10:00", end: "13:00", agendaItems: ["6", "7", "8"] },
  {
    date: "2012-10-19",
    start: "15:00",
    end: "18:00",
    title: {
      en: "Closing of the session",
      fr: "Clôture de la session",
      es: "Clausura del período de sesiones",
      ar: "اختتام الدورة",
      ru: "Закрытие сессии",
      zh: "届会闭幕",
    },
    agendaItems: ["1(e)", "9"],
  },
];
