/** UI strings of the selection from the ranking in one action, in the six languages. */

export const selectionEn = {
  "sideEvents.bulk.legend": "Decide several proposals at once",
  "sideEvents.bulk.hint":
    "Tick proposals in the ranking below, then choose the decision. Every organiser receives the same mail as for a decision taken one by one.",
  "sideEvents.bulk.select": "Select: {title}",
  "sideEvents.bulk.accept": "Accept the selected",
  "sideEvents.bulk.waitlist": "Wait-list the selected",
  "sideEvents.bulk.reject": "Reject the selected",
  "sideEvents.bulk.top": "Number of proposals from the top of the ranking",
  "sideEvents.bulk.acceptTop": "Accept the top ones that fit",
  "sideEvents.bulk.places": "Places left: {n} (rooms × side-event slots, less the accepted events).",
  "sideEvents.bulk.none": "Select at least one proposal.",
};

type Key = keyof typeof selectionEn;

export const selectionFr: Record<Key, string> = {
  "sideEvents.bulk.legend": "Décider de plusieurs propositions à la fois",
  "sideEvents.bulk.hint":
    "Cochez des propositions du classement ci-dessous, puis choisissez la décision. Chaque organisateur reçoit le même courriel que pour une décision prise une par une.",
  "sideEvents.bulk.select": "Sélectionner : {title}",
  "sideEvents.bulk.accept": "Accepter la sélection",
  "sideEvents.bulk.waitlist": "Mettre la sélection en liste d'attente",
  "sideEvents.bulk.reject": "Refuser la sélection",
  "sideEvents.bulk.top": "Nombre de propositions en tête du classement",
  "sideEvents.bulk.acceptTop": "Accepter les premières qui trouvent place",
  "sideEvents.bulk.places":
    "Places restantes : {n} (salles × créneaux des manifestations parallèles, moins les manifestations acceptées).",
  "sideEvents.bulk.none": "Sélectionnez au moins une proposition.",
};

export const selectionEs: Record<Key, string> = {
  "sideEvents.bulk.legend": "Decidir sobre varias propuestas a la vez",
  "sideEvents.bulk.hint":
    "Marque propuestas de la clasificación y elija la decisión. Cada organizador recibe el mismo correo que con una decisión tomada una por una.",
  "sideEvents.bulk.select": "Seleccionar: {title}",
  "sideEvents.bulk.accept": "Aceptar las seleccionadas",
  "sideEvents.bulk.waitlist": "Poner en lista de espera las seleccionadas",
  "sideEvents.bulk.reject": "Rechazar las seleccionadas",
  "sideEvents.bulk.top": "Número de propuestas desde el principio de la clasificación",
  "sideEvents.bulk.acceptTop": "Aceptar las primeras que quepan",
  "sideEvents.bulk.places":
    "Plazas libres: {n} (salas × franjas de actos paralelos, menos los actos aceptados).",
  "sideEvents.bulk.none": "Seleccione al menos una propuesta.",
};

export const selectionAr: Record<Key, string> = {
  "sideEvents.bulk.legend": "البتّ في عدة مقترحات دفعة واحدة",
  "sideEvents.bulk.hint":
    "حدِّدوا مقترحات من الترتيب أدناه، ثم اختاروا القرار. يتلقى كل منظِّم الرسالة نفسها كما في القرار الفردي.",
  "sideEvents.bulk.select": "تحديد: {title}",
  "sideEvents.bulk.accept": "قبول المحدَّد",
  "sideEvents.bulk.waitlist": "وضع المحدَّد على قائمة الانتظار",
  "sideEvents.bulk.reject": "رفض المحدَّد",
  "sideEvents.bulk.top": "عدد المقترحات من رأس الترتيب",
  "sideEvents.bulk.acceptTop": "قبول الأوائل التي تتسع لها الأماكن",
  "sideEvents.bulk.places":
    "الأماكن المتبقية: {n} (القاعات × فترات الأحداث الجانبية، ناقص الأحداث المقبولة).",
  "sideEvents.bulk.none": "حدِّدوا مقترحًا واحدًا على الأقل.",
};

export const selectionRu: Record<Key, string> = {
  "sideEvents.bulk.legend": "Решение сразу по нескольким заявкам",
  "sideEvents.bulk.hint":
    "Отметьте заявки в рейтинге ниже и выберите решение. Каждый организатор получит то же письмо, что и при решении по одной заявке.",
  "sideEvents.bulk.select": "Выбрать: {title}",
  "sideEvents.bulk.accept": "Принять выбранные",
  "sideEvents.bulk.waitlist": "Внести выбранные в лист ожидания",
  "sideEvents.bulk.reject": "Отклонить выбранные",
  "sideEvents.bulk.top": "Число заявок с начала рейтинга",
  "sideEvents.bulk.acceptTop": "Принять первые, для которых есть место",
  "sideEvents.bulk.places":
    "Свободных мест: {n} (залы × слоты параллельных мероприятий, за вычетом принятых мероприятий).",
  "sideEvents.bulk.none": "Выберите хотя бы одну заявку.",
};

export const selectionZh: Record<Key, string> = {
  "sideEvents.bulk.legend": "一次决定多份提议",
  "sideEvents.bulk.hint": "在下方排名中勾选提议，然后选择决定。每位主办方收到的邮件与逐一决定时相同。",
  "sideEvents.bulk.select": "选择：{title}",
  "sideEvents.bulk.accept": "接受所选",
  "sideEvents.bulk.waitlist": "将所选列入候补名单",
  "sideEvents.bulk.reject": "拒绝所选",
  "sideEvents.bulk.top": "从排名顶部起的提议数量",
  "sideEvents.bulk.acceptTop": "接受排名靠前且有空位的提议",
  "sideEvents.bulk.places": "剩余名额：{n}（会议室 × 会外活动时段，减去已接受的活动）。",
  "sideEvents.bulk.none": "请至少选择一份提议。",
};
