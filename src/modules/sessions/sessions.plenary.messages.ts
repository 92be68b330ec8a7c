/** UI strings of the plenary programme of a session, in the six languages. */

export const plenaryEn = {
  "sessions.section.plenary": "Plenary programme",
  "sessions.plenary.lead": "Meetings of the plenary and the agenda items they take up.",
  "sessions.plenary.empty": "The plenary programme has not been published yet.",
  "sessions.plenary.time": "Time",
  "sessions.plenary.items": "Agenda items",
  "sessions.plenary.noAgenda":
    "Add the agenda items of the session first: each plenary meeting takes up one or more of them.",
  "sessions.add.plenary-meetings": "Add a plenary meeting",
  "sessions.edit.plenary-meetings": "Edit a plenary meeting",
  "sessions.field.meetingTitle": "Title of the meeting (optional)",
  "sessions.field.meetingTitle.hint":
    "For example: Opening meeting. Leave empty when the agenda items say enough.",
  "sessions.field.meetingItems": "Agenda items taken up",
  "sessions.invalid.agendaItems": "Choose at least one agenda item.",
  "error.PLENARY_MEETING_OVERLAPS": "This meeting overlaps another plenary meeting of the session.",
  "error.PLENARY_MEETING_TIMES_INVALID": "The meeting must end after it starts, on the same day.",
  "error.PLENARY_MEETING_OUTSIDE_SESSION": "Plenary meetings must fall within the dates of the session.",
  "error.PLENARY_AGENDA_ITEM_UNKNOWN": "Choose agenda items of this session only.",
};

type Key = keyof typeof plenaryEn;

export const plenaryFr: Record<Key, string> = {
  "sessions.section.plenary": "Programme de la plénière",
  "sessions.plenary.lead": "Séances plénières et points de l'ordre du jour qui y sont examinés.",
  "sessions.plenary.empty": "Le programme de la plénière n'a pas encore été publié.",
  "sessions.plenary.time": "Heure",
  "sessions.plenary.items": "Points de l'ordre du jour",
  "sessions.plenary.noAgenda":
    "Ajoutez d'abord les points de l'ordre du jour de la session : chaque séance plénière en examine un ou plusieurs.",
  "sessions.add.plenary-meetings": "Ajouter une séance plénière",
  "sessions.edit.plenary-meetings": "Modifier une séance plénière",
  "sessions.field.meetingTitle": "Titre de la séance (facultatif)",
  "sessions.field.meetingTitle.hint":
    "Par exemple : Séance d'ouverture. Laissez vide si les points de l'ordre du jour suffisent.",
  "sessions.field.meetingItems": "Points de l'ordre du jour examinés",
  "sessions.invalid.agendaItems": "Choisissez au moins un point de l'ordre du jour.",
  "error.PLENARY_MEETING_OVERLAPS": "Cette séance chevauche une autre séance plénière de la session.",
  "error.PLENARY_MEETING_TIMES_INVALID": "La séance doit se terminer après son début, le même jour.",
  "error.PLENARY_MEETING_OUTSIDE_SESSION": "Les séances plénières doivent se tenir pendant la session.",
  "error.PLENARY_AGENDA_ITEM_UNKNOWN":
    "Choisissez uniquement des points de l'ordre du jour de cette session.",
};

export const plenaryEs: Record<Key, string> = {
  "sessions.section.plenary": "Programa del plenario",
  "sessions.plenary.lead": "Sesiones plenarias y temas del programa que se examinan en ellas.",
  "sessions.plenary.empty": "El programa del plenario aún no se ha publicado.",
  "sessions.plenary.time": "Hora",
  "sessions.plenary.items": "Temas del programa",
  "sessions.plenary.noAgenda":
    "Añada primero los temas del programa del período de sesiones: cada sesión plenaria examina uno o varios de ellos.",
  "sessions.add.plenary-meetings": "Añadir una sesión plenaria",
  "sessions.edit.plenary-meetings": "Editar una sesión plenaria",
  "sessions.field.meetingTitle": "Título de la sesión (opcional)",
  "sessions.field.meetingTitle.hint":
    "Por ejemplo: Sesión de apertura. Déjelo vacío si los temas del programa bastan.",
  "sessions.field.meetingItems": "Temas del programa que se examinan",
  "sessions.invalid.agendaItems": "Elija al menos un tema del programa.",
  "error.PLENARY_MEETING_OVERLAPS":
    "Esta sesión se superpone con otra sesión plenaria del período de sesiones.",
  "error.PLENARY_MEETING_TIMES_INVALID": "La sesión debe terminar después de comenzar, el mismo día.",
  "error.PLENARY_MEETING_OUTSIDE_SESSION":
    "Las sesiones plenarias deben celebrarse dentro de las fechas del período de sesiones.",
  "error.PLENARY_AGENDA_ITEM_UNKNOWN": "Elija solo temas del programa de este período de sesiones.",
};

export const plenaryAr: Record<Key, string> = {
  "sessions.section.plenary": "برنامج الجلسات العامة",
  "sessions.plenary.lead": "جلسات الهيئة العامة وبنود جدول الأعمال التي تتناولها.",
  "sessions.plenary.empty": "لم يُنشر برنامج الجلسات العامة بعد.",
  "sessions.plenary.time": "الوقت",
  "sessions.plenary.items": "بنود جدول الأعمال",
  "sessions.plenary.noAgenda":
    "أضف أولاً بنود جدول أعمال الدورة: تتناول كل جلسة عامة بنداً واحداً منها أو أكثر.",
  "sessions.add.plenary-meetings": "إضافة جلسة عامة",
  "sessions.edit.plenary-meetings": "تعديل جلسة عامة",
  "sessions.field.meetingTitle": "عنوان الجلسة (اختياري)",
  "sessions.field.meetingTitle.hint":
    "مثلاً: الجلسة الافتتاحية. اتركه فارغاً إذا كانت بنود جدول الأعمال كافية.",
  "sessions.field.meetingItems": "بنود جدول الأعمال التي تتناولها الجلسة",
  "sessions.invalid.agendaItems": "اختر بنداً واحداً على الأقل من بنود جدول الأعمال.",
  "error.PLENARY_MEETING_OVERLAPS": "تتداخل هذه الجلسة مع جلسة عامة أخرى في الدورة.",
  "error.PLENARY_MEETING_TIMES_INVALID": "يجب أن تنتهي الجلسة بعد بدايتها وفي اليوم نفسه.",
  "error.PLENARY_MEETING_OUTSIDE_SESSION": "يجب أن تُعقد الجلسات العامة ضمن تواريخ الدورة.",
  "error.PLENARY_AGENDA_ITEM_UNKNOWN": "اختر بنوداً من جدول أعمال هذه الدورة فقط.",
};

export const plenaryRu: Record<Key, string> = {
  "sessions.section.plenary": "Программа пленарных заседаний",
  "sessions.plenary.lead": "Пленарные заседания и рассматриваемые на них пункты повестки дня.",
  "sessions.plenary.empty": "Программа пленарных заседаний еще не опубликована.",
  "sessions.plenary.time": "Время",
  "sessions.plenary.items": "Пункты повестки дня",
  "sessions.plenary.noAgenda":
    "Сначала добавьте пункты повестки дня сессии: на каждом пленарном заседании рассматривается один или несколько из них.",
  "sessions.add.plenary-meetings": "Добавить пленарное заседание",
  "sessions.edit.plenary-meetings": "Изменить пленарное заседание",
  "sessions.field.meetingTitle": "Название заседания (необязательно)",
  "sessions.field.meetingTitle.hint":
    "Например: Открытие сессии. Оставьте пустым, если достаточно пунктов повестки дня.",
  "sessions.field.meetingItems": "Рассматриваемые пункты повестки дня",
  "sessions.invalid.agendaItems": "Выберите хотя бы один пункт повестки дня.",
  "error.PLENARY_MEETING_OVERLAPS": "Это заседание пересекается с другим пленарным заседанием сессии.",
  "error.PLENARY_MEETING_TIMES_INVALID": "Заседание должно заканчиваться позже начала, в тот же день.",
  "error.PLENARY_MEETING_OUTSIDE_SESSION": "Пленарные заседания должны проходить в даты сессии.",
  "error.PLENARY_AGENDA_ITEM_UNKNOWN": "Выберите только пункты повестки дня этой сессии.",
};

export const plenaryZh: Record<Key, string> = {
  "sessions.section.plenary": "全体会议日程",
  "sessions.plenary.lead": "全体会议各次会议及其审议的议程项目。",
  "sessions.plenary.empty": "全体会议日程尚未公布。",
  "sessions.plenary.time": "时间",
  "sessions.plenary.items": "议程项目",
  "sessions.plenary.noAgenda": "请先添加本届会的议程项目：每次全体会议审议其中一个或多个项目。",
  "sessions.add.plenary-meetings": "添加全体会议",
  "sessions.edit.plenary-meetings": "编辑全体会议",
  "sessions.field.meetingTitle": "会议名称（可选）",
  "sessions.field.meetingTitle.hint": "例如：开幕会议。如议程项目已足以说明，可留空。",
  "sessions.field.meetingItems": "审议的议程项目",
  "sessions.invalid.agendaItems": "请至少选择一个议程项目。",
  "error.PLENARY_MEETING_OVERLAPS": "此次会议与本届会的另一次全体会议时间重叠。",
  "error.PLENARY_MEETING_TIMES_INVALID": "会议的结束时间必须晚于开始时间，且在同一天内。",
  "error.PLENARY_MEETING_OUTSIDE_SESSION": "全体会议必须在届会日期之内举行。",
  "error.PLENARY_AGENDA_ITEM_UNKNOWN": "只能选择本届会的议程项目。",
};
