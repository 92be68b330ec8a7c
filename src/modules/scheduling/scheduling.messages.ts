/** UI messages of the scheduling module in the six UN languages. */
import type { Catalogue } from "../../platform/i18n/languages.js";
import { type OptimiserKey, optimiserMessages as o } from "./optimiser/optimiser.messages.js";
import { editorMessages } from "./scheduling.editor.messages.js";
import { panellistLinkMessages as l } from "./scheduling.panellist-links.messages.js";
import { releaseMessages } from "./scheduling.release.messages.js";

const en = {
  "error.SCHEDULING_RUNNING": "The optimiser is already running for this session; wait for it to finish.",
  "scheduling.page.title": "Schedule of side events",
  "scheduling.page.optimise": "Optimise the schedule",
  "scheduling.page.none": "No schedule has been proposed yet.",
  "scheduling.page.notPublished": "Proposed placement, not published.",
  "scheduling.page.objective": "Score",
  "scheduling.page.bound": "Proven bound",
  "scheduling.page.gap": "gap",
  "scheduling.page.greedy": "Score of the simple greedy placement",
  "scheduling.page.room": "Room",
  "scheduling.page.unplaced": "Events not placed",
  "scheduling.page.allPlaced": "Every event is placed.",
  "scheduling.reason.capacity": "No room holds the expected audience.",
  "scheduling.reason.equipment": "No room has the equipment the event needs.",
  "scheduling.reason.interpretation": "No room large and equipped enough has interpretation booths.",
  "scheduling.reason.impossibleSlots": "The organisers declared every slot impossible.",
  "scheduling.reason.pinConflict":
    "Its pinned room and slot are taken by another pinned event, or no longer exist.",
  "scheduling.reason.peopleClash":
    "An organiser, co-organiser or panellist is at another event at every time still free.",
  "scheduling.reason.roomsFull": "Every suitable room is taken at every possible time.",
};
type Key = keyof typeof en;

const fr: Record<Key, string> = {
  "error.SCHEDULING_RUNNING":
    "L’optimiseur est déjà en cours pour cette session ; attendez qu’il ait terminé.",
  "scheduling.page.title": "Calendrier des manifestations parallèles",
  "scheduling.page.optimise": "Optimiser le calendrier",
  "scheduling.page.none": "Aucun calendrier n’a encore été proposé.",
  "scheduling.page.notPublished": "Placement proposé, non publié.",
  "scheduling.page.objective": "Score",
  "scheduling.page.bound": "Borne prouvée",
  "scheduling.page.gap": "écart",
  "scheduling.page.greedy": "Score du placement glouton simple",
  "scheduling.page.room": "Salle",
  "scheduling.page.unplaced": "Événements non placés",
  "scheduling.page.allPlaced": "Tous les événements sont placés.",
  "scheduling.reason.capacity": "Aucune salle ne peut accueillir le public attendu.",
  "scheduling.reason.equipment": "Aucune salle ne dispose de l’équipement dont l’événement a besoin.",
  "scheduling.reason.interpretation":
    "Aucune salle assez grande et équipée ne dispose de cabines d’interprétation.",
  "scheduling.reason.impossibleSlots": "Les organisateurs ont déclaré tous les créneaux impossibles.",
  "scheduling.reason.pinConflict":
    "La salle et le créneau où il est épinglé sont pris par un autre événement épinglé, ou n’existent plus.",
  "scheduling.reason.peopleClash":
    "Un organisateur, co-organisateur ou intervenant participe à un autre événement à chaque horaire encore libre.",
  "scheduling.reason.roomsFull": "Toutes les salles adaptées sont occupées à tous les horaires possibles.",
};

const es: Record<Key, string> = {
  "error.SCHEDULING_RUNNING":
    "El optimizador ya se está ejecutando para este período de sesiones; espere a que termine.",
  "scheduling.page.title": "Calendario de los eventos paralelos",
  "scheduling.page.optimise": "Optimizar el calendario",
  "scheduling.page.none": "Aún no se ha propuesto ningún calendario.",
  "scheduling.page.notPublished": "Distribución propuesta, no publicada.",
  "scheduling.page.objective": "Puntuación",
  "scheduling.page.bound": "Cota demostrada",
  "scheduling.page.gap": "brecha",
  "scheduling.page.greedy": "Puntuación de la distribución voraz simple",
  "scheduling.page.room": "Sala",
  "scheduling.page.unplaced": "Eventos no ubicados",
  "scheduling.page.allPlaced": "Todos los eventos están ubicados.",
  "scheduling.reason.capacity": "Ninguna sala tiene cabida para el público previsto.",
  "scheduling.reason.equipment": "Ninguna sala cuenta con el equipo que necesita el evento.",
  "scheduling.reason.interpretation":
    "Ninguna sala suficientemente grande y equipada tiene cabinas de interpretación.",
  "scheduling.reason.impossibleSlots": "Los organizadores declararon imposibles todos los horarios.",
  "scheduling.reason.pinConflict":
    "La sala y el horario fijados están ocupados por otro evento fijado, o ya no existen.",
  "scheduling.reason.peopleClash":
    "Un organizador, coorganizador o panelista está en otro evento en cada horario aún libre.",
  "scheduling.reason.roomsFull": "Todas las salas adecuadas están ocupadas en todos los horarios posibles.",
};

const ar: Record<Key, string> = {
  "error.SCHEDULING_RUNNING": "أداة التحسين قيد التشغيل بالفعل لهذه الدورة؛ انتظر حتى تنتهي.",
  "scheduling.page.title": "جدول الأحداث الجانبية",
  "scheduling.page.optimise": "تحسين الجدول",
  "scheduling.page.none": "لم يُقترح أي جدول بعد.",
  "scheduling.page.notPublished": "توزيع مقترح، غير منشور.",
  "scheduling.page.objective": "النتيجة",
  "scheduling.page.bound": "الحد المُثبت",
  "scheduling.page.gap": "الفجوة",
  "scheduling.page.greedy": "نتيجة التوزيع الجشع البسيط",
  "scheduling.page.room": "القاعة",
  "scheduling.page.unplaced": "أحداث لم تُوزَّع",
  "scheduling.page.allPlaced": "تم توزيع جميع الأحداث.",
  "scheduling.reason.capacity": "لا توجد قاعة تتسع للجمهور المتوقع.",
  "scheduling.reason.equipment": "لا توجد قاعة مزودة بالمعدات التي يحتاجها الحدث.",
  "scheduling.reason.interpretation": "لا توجد قاعة كبيرة ومجهزة بما يكفي تضم مقصورات للترجمة الشفوية.",
  "scheduling.reason.impossibleSlots": "أعلن المنظمون أن جميع الفترات الزمنية غير ممكنة.",
  "scheduling.reason.pinConflict": "القاعة والفترة المثبت فيهما يشغلهما حدث مثبت آخر، أو لم يعودا موجودين.",
  "scheduling.reason.peopleClash":
    "أحد المنظمين أو المنظمين المشاركين أو المتحدثين مشغول بحدث آخر في كل وقت لا يزال متاحاً.",
  "scheduling.reason.roomsFull": "جميع القاعات المناسبة مشغولة في جميع الأوقات الممكنة.",
};

const ru: Record<Key, string> = {
  "error.SCHEDULING_RUNNING": "Оптимизатор уже работает для этой сессии; дождитесь завершения.",
  "scheduling.page.title": "Расписание параллельных мероприятий",
  "scheduling.page.optimise": "Оптимизировать расписание",
  "scheduling.page.none": "Расписание ещё не предложено.",
  "scheduling.page.notPublished": "Предлагаемое размещение, не опубликовано.",
  "scheduling.page.objective": "Оценка",
  "scheduling.page.bound": "Доказанная граница",
  "scheduling.page.gap": "разрыв",
  "scheduling.page.greedy": "Оценка простого жадного размещения",
  "scheduling.page.room": "Зал",
  "scheduling.page.unplaced": "Неразмещённые мероприятия",
  "scheduling.page.allPlaced": "Все мероприятия размещены.",
  "scheduling.reason.capacity": "Ни один зал не вмещает ожидаемое число участников.",
  "scheduling.reason.equipment": "Ни в одном зале нет оборудования, необходимого для мероприятия.",
  "scheduling.reason.interpretation":
    "Ни в одном достаточно большом и оснащённом зале нет кабин для устного перевода.",
  "scheduling.reason.impossibleSlots": "Организаторы отметили все временные слоты как невозможные.",
  "scheduling.reason.pinConflict":
    "Закреплённые за ним зал и слот заняты другим закреплённым мероприятием или больше не существуют.",
  "scheduling.reason.peopleClash":
    "Организатор, соорганизатор или докладчик занят на другом мероприятии в любое ещё свободное время.",
  "scheduling.reason.roomsFull": "Все подходящие залы заняты во все возможные слоты.",
};

const zh: Record<Key, string> = {
  "error.SCHEDULING_RUNNING": "本届会议的优化程序已在运行；请等待其完成。",
  "scheduling.page.title": "会外活动日程",
  "scheduling.page.optimise": "优化日程",
  "scheduling.page.none": "尚未提出日程。",
  "scheduling.page.notPublished": "拟议安排，未发布。",
  "scheduling.page.objective": "得分",
  "scheduling.page.bound": "已证明的上界",
  "scheduling.page.gap": "差距",
  "scheduling.page.greedy": "简单贪心安排的得分",
  "scheduling.page.room": "会议室",
  "scheduling.page.unplaced": "未安排的活动",
  "scheduling.page.allPlaced": "所有活动均已安排。",
  "scheduling.reason.capacity": "没有会议室能容纳预计的听众人数。",
  "scheduling.reason.equipment": "没有会议室具备该活动所需的设备。",
  "scheduling.reason.interpretation": "没有足够大且设备齐全的会议室配有同声传译间。",
  "scheduling.reason.impossibleSlots": "组织者声明所有时段均不可行。",
  "scheduling.reason.pinConflict": "其固定的会议室和时段已被另一个固定活动占用，或已不存在。",
  "scheduling.reason.peopleClash": "在每个尚有空余的时间，都有一位组织者、联合组织者或发言人在参加另一活动。",
  "scheduling.reason.roomsFull": "所有合适的会议室在所有可能的时段均已占用。",
};

// the optimiser's rules, terms and phases (./optimiser/optimiser.messages.ts) join this catalogue
// and so do the editor's (./scheduling.editor.messages.ts) and the releases' and feeds'
type EditorKey =
  | keyof (typeof editorMessages)["en"]
  | keyof (typeof releaseMessages)["en"]
  | keyof (typeof l)["en"];
const e = editorMessages;
const r = releaseMessages;
export const schedulingMessages: Catalogue<Key | OptimiserKey | EditorKey> = {
  en: { ...en, ...o.en, ...e.en, ...r.en, ...l.en },
  fr: { ...fr, ...o.fr, ...e.fr, ...r.fr, ...l.fr },
  es: { ...es, ...o.es, ...e.es, ...r.es, ...l.es },
  ar: { ...ar, ...o.ar, ...e.ar, ...r.ar, ...l.ar },
  ru: { ...ru, ...o.ru, ...e.ru, ...r.ru, ...l.ru },
  zh: { ...zh, ...o.zh, ...e.zh, ...r.zh, ...l.zh },
};
