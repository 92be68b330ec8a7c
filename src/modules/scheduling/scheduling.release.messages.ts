/** UI messages of releases, a person's own schedule and calendar feed, in the six languages. */
import type { Catalogue } from "../../platform/i18n/languages.js";

const en = {
  "error.SCHEDULING_ROOM_DOUBLE_BOOKED":
    "Two events are in the same room at the same time; move one before publishing.",
  "error.SCHEDULING_RELEASE_UNCHANGED": "Nothing has changed since the latest release.",
  "scheduling.change.moved": "moved from {fromRoom}, {fromTime} to {toRoom}, {toTime}",
  "scheduling.change.added": "scheduled in {toRoom}, {toTime}",
  "scheduling.change.unscheduled": "taken out of the schedule (was {fromRoom}, {fromTime})",
  "scheduling.change.removed": "no longer in the programme",
  "scheduling.change.removedFrom": "no longer in the programme (was {fromRoom}, {fromTime})",
  "scheduling.releases.title": "Releases of the side-event programme",
  "scheduling.releases.programme": "The programme",
  "scheduling.releases.ics": "The programme in your calendar (iCalendar)",
  "scheduling.releases.none": "No release has been published yet.",
  "scheduling.releases.release": "Release {number}",
  "scheduling.releases.noChange": "No change since the previous release.",
  "scheduling.mine.title": "My side events",
  "scheduling.mine.intro":
    "The side events of your organisations, with times and rooms as in the latest release.",
  "scheduling.mine.none": "Your organisations have no accepted side event in this session.",
  "scheduling.mine.notScheduled": "not yet scheduled",
  "scheduling.mine.event": "Event",
  "scheduling.mine.when": "When",
  "scheduling.mine.panel": "Panel",
  "scheduling.feed.title": "Private calendar feed",
  "scheduling.feed.intro":
    "A private address your calendar application can subscribe to: your side events in every session, kept up to date. Anyone with the address can read it; replace or revoke it at any time.",
  "scheduling.feed.shownOnce": "Your private address, shown only now (copy it into your calendar):",
  "scheduling.feed.exists":
    "You have a private address, made on {date}. It is not shown again: replace it to get a new one.",
  "scheduling.feed.noFeed": "You have no private address.",
  "scheduling.feed.create": "Make a private address",
  "scheduling.feed.replace": "Replace the address (the old one stops working)",
  "scheduling.feed.revoke": "Revoke the address",
  "mail.scheduling.released.subject": "{session}: your side events have moved (release {number})",
  "mail.scheduling.released.body":
    "Release {number} of the side-event programme of {session} changes the place or time of your events:\n\n{changes}\n\nEvery release and what it changed: {url}",
};
type Key = keyof typeof en;

const fr: Record<Key, string> = {
  "error.SCHEDULING_ROOM_DOUBLE_BOOKED":
    "Deux événements occupent la même salle au même moment ; déplacez-en un avant de publier.",
  "error.SCHEDULING_RELEASE_UNCHANGED": "Rien n’a changé depuis la dernière version.",
  "scheduling.change.moved": "déplacé de {fromRoom}, {fromTime} à {toRoom}, {toTime}",
  "scheduling.change.added": "programmé en {toRoom}, {toTime}",
  "scheduling.change.unscheduled": "retiré du calendrier (était en {fromRoom}, {fromTime})",
  "scheduling.change.removed": "ne figure plus au programme",
  "scheduling.change.removedFrom": "ne figure plus au programme (était en {fromRoom}, {fromTime})",
  "scheduling.releases.title": "Versions du programme des manifestations parallèles",
  "scheduling.releases.programme": "Le programme",
  "scheduling.releases.ics": "Le programme dans votre agenda (iCalendar)",
  "scheduling.releases.none": "Aucune version n’a encore été publiée.",
  "scheduling.releases.release": "Version {number}",
  "scheduling.releases.noChange": "Aucun changement depuis la version précédente.",
  "scheduling.mine.title": "Mes manifestations parallèles",
  "scheduling.mine.intro":
    "Les manifestations parallèles de vos organisations, avec heures et salles selon la dernière version.",
  "scheduling.mine.none": "Vos organisations n’ont aucune manifestation parallèle acceptée à cette session.",
  "scheduling.mine.notScheduled": "pas encore programmé",
  "scheduling.mine.event": "Manifestation",
  "scheduling.mine.when": "Quand",
  "scheduling.mine.panel": "Intervenants",
  "scheduling.feed.title": "Flux d’agenda privé",
  "scheduling.feed.intro":
    "Une adresse privée à laquelle votre agenda peut s’abonner : vos manifestations parallèles de toutes les sessions, tenues à jour. Quiconque a l’adresse peut la lire ; remplacez-la ou révoquez-la à tout moment.",
  "scheduling.feed.shownOnce":
    "Votre adresse privée, affichée seulement maintenant (copiez-la dans votre agenda) :",
  "scheduling.feed.exists":
    "Vous avez une adresse privée, créée le {date}. Elle n’est plus affichée : remplacez-la pour en obtenir une nouvelle.",
  "scheduling.feed.noFeed": "Vous n’avez pas d’adresse privée.",
  "scheduling.feed.create": "Créer une adresse privée",
  "scheduling.feed.replace": "Remplacer l’adresse (l’ancienne cesse de fonctionner)",
  "scheduling.feed.revoke": "Révoquer l’adresse",
  "mail.scheduling.released.subject":
    "{session} : vos manifestations parallèles ont changé (version {number})",
  "mail.scheduling.released.body":
    "La version {number} du programme des manifestations parallèles de {session} modifie le lieu ou l’heure de vos manifestations :\n\n{changes}\n\nToutes les versions et leurs changements : {url}",
};

const es: Record<Key, string> = {
  "error.SCHEDULING_ROOM_DOUBLE_BOOKED":
    "Dos eventos están en la misma sala a la misma hora; mueva uno antes de publicar.",
  "error.SCHEDULING_RELEASE_UNCHANGED": "Nada ha cambiado desde la última versión.",
  "scheduling.change.moved": "trasladado de {fromRoom}, {fromTime} a {toRoom}, {toTime}",
  "scheduling.change.added": "programado en {toRoom}, {toTime}",
  "scheduling.change.unscheduled": "retirado del calendario (estaba en {fromRoom}, {fromTime})",
  "scheduling.change.removed": "ya no figura en el programa",
  "scheduling.change.removedFrom": "ya no figura en el programa (estaba en {fromRoom}, {fromTime})",
  "scheduling.releases.title": "Versiones del programa de eventos paralelos",
  "scheduling.releases.programme": "El programa",
  "scheduling.releases.ics": "El programa en su calendario (iCalendar)",
  "scheduling.releases.none": "Aún no se ha publicado ninguna versión.",
  "scheduling.releases.release": "Versión {number}",
  "scheduling.releases.noChange": "Sin cambios desde la versión anterior.",
  "scheduling.mine.title": "Mis eventos paralelos",
  "scheduling.mine.intro":
    "Los eventos paralelos de sus organizaciones, con horas y salas según la última versión.",
  "scheduling.mine.none":
    "Sus organizaciones no tienen ningún evento paralelo aceptado en este período de sesiones.",
  "scheduling.mine.notScheduled": "aún no programado",
  "scheduling.mine.event": "Evento",
  "scheduling.mine.when": "Cuándo",
  "scheduling.mine.panel": "Panelistas",
  "scheduling.feed.title": "Suscripción privada de calendario",
  "scheduling.feed.intro":
    "Una dirección privada a la que su calendario puede suscribirse: sus eventos paralelos de todos los períodos de sesiones, al día. Cualquiera que tenga la dirección puede leerla; sustitúyala o revóquela cuando quiera.",
  "scheduling.feed.shownOnce": "Su dirección privada, que solo se muestra ahora (cópiela en su calendario):",
  "scheduling.feed.exists":
    "Tiene una dirección privada, creada el {date}. No se vuelve a mostrar: sustitúyala para obtener una nueva.",
  "scheduling.feed.noFeed": "No tiene dirección privada.",
  "scheduling.feed.create": "Crear una dirección privada",
  "scheduling.feed.replace": "Sustituir la dirección (la anterior deja de funcionar)",
  "scheduling.feed.revoke": "Revocar la dirección",
  "mail.scheduling.released.subject": "{session}: sus eventos paralelos han cambiado (versión {number})",
  "mail.scheduling.released.body":
    "La versión {number} del programa de eventos paralelos de {session} cambia el lugar o la hora de sus eventos:\n\n{changes}\n\nTodas las versiones y sus cambios: {url}",
};

const ar: Record<Key, string> = {
  "error.SCHEDULING_ROOM_DOUBLE_BOOKED": "هناك حدثان في القاعة نفسها في الوقت نفسه؛ انقل أحدهما قبل النشر.",
  "error.SCHEDULING_RELEASE_UNCHANGED": "لم يتغير شيء منذ آخر إصدار.",
  "scheduling.change.moved": "نُقل من {fromRoom}، {fromTime} إلى {toRoom}، {toTime}",
  "scheduling.change.added": "أُدرج في {toRoom}، {toTime}",
  "scheduling.change.unscheduled": "أُخرج من الجدول (كان في {fromRoom}، {fromTime})",
  "scheduling.change.removed": "لم يعد في البرنامج",
  "scheduling.change.removedFrom": "لم يعد في البرنامج (كان في {fromRoom}، {fromTime})",
  "scheduling.releases.title": "إصدارات برنامج الأحداث الجانبية",
  "scheduling.releases.programme": "البرنامج",
  "scheduling.releases.ics": "البرنامج في تقويمك (iCalendar)",
  "scheduling.releases.none": "لم يُنشر أي إصدار بعد.",
  "scheduling.releases.release": "الإصدار {number}",
  "scheduling.releases.noChange": "لا تغيير منذ الإصدار السابق.",
  "scheduling.mine.title": "أحداثي الجانبية",
  "scheduling.mine.intro": "الأحداث الجانبية لمنظماتك، بأوقاتها وقاعاتها كما في آخر إصدار.",
  "scheduling.mine.none": "ليس لمنظماتك أي حدث جانبي مقبول في هذه الدورة.",
  "scheduling.mine.notScheduled": "لم يُجدول بعد",
  "scheduling.mine.event": "الحدث",
  "scheduling.mine.when": "الموعد",
  "scheduling.mine.panel": "المتحدثون",
  "scheduling.feed.title": "موجز تقويم خاص",
  "scheduling.feed.intro":
    "عنوان خاص يمكن لتطبيق التقويم الاشتراك فيه: أحداثك الجانبية في جميع الدورات، محدثة باستمرار. يستطيع أي شخص لديه العنوان قراءته؛ استبدله أو ألغه في أي وقت.",
  "scheduling.feed.shownOnce": "عنوانك الخاص، يُعرض الآن فقط (انسخه إلى تقويمك):",
  "scheduling.feed.exists": "لديك عنوان خاص أُنشئ في {date}. لن يُعرض مرة أخرى: استبدله للحصول على عنوان جديد.",
  "scheduling.feed.noFeed": "ليس لديك عنوان خاص.",
  "scheduling.feed.create": "إنشاء عنوان خاص",
  "scheduling.feed.replace": "استبدال العنوان (يتوقف العنوان القديم عن العمل)",
  "scheduling.feed.revoke": "إلغاء العنوان",
  "mail.scheduling.released.subject": "{session}: تغيّرت أحداثك الجانبية (الإصدار {number})",
  "mail.scheduling.released.body":
    "يغيّر الإصدار {number} من برنامج الأحداث الجانبية لـ {session} مكان أحداثك أو موعدها:\n\n{changes}\n\nجميع الإصدارات وما غيّرته: {url}",
};

const ru: Record<Key, string> = {
  "error.SCHEDULING_ROOM_DOUBLE_BOOKED":
    "Два мероприятия в одном зале в одно и то же время; перенесите одно из них перед публикацией.",
  "error.SCHEDULING_RELEASE_UNCHANGED": "С последней версии ничего не изменилось.",
  "scheduling.change.moved": "перенесено из {fromRoom}, {fromTime} в {toRoom}, {toTime}",
  "scheduling.change.added": "назначено в {toRoom}, {toTime}",
  "scheduling.change.unscheduled": "убрано из расписания (было: {fromRoom}, {fromTime})",
  "scheduling.change.removed": "больше нет в программе",
  "scheduling.change.removedFrom": "больше нет в программе (было: {fromRoom}, {fromTime})",
  "scheduling.releases.title": "Версии программы параллельных мероприятий",
  "scheduling.releases.programme": "Программа",
  "scheduling.releases.ics": "Программа в вашем календаре (iCalendar)",
  "scheduling.releases.none": "Ни одна версия ещё не опубликована.",
  "scheduling.releases.release": "Версия {number}",
  "scheduling.releases.noChange": "Без изменений по сравнению с предыдущей версией.",
  "scheduling.mine.title": "Мои параллельные мероприятия",
  "scheduling.mine.intro": "Параллельные мероприятия ваших организаций, время и залы по последней версии.",
  "scheduling.mine.none": "У ваших организаций нет принятых параллельных мероприятий на этой сессии.",
  "scheduling.mine.notScheduled": "ещё не назначено",
  "scheduling.mine.event": "Мероприятие",
  "scheduling.mine.when": "Когда",
  "scheduling.mine.panel": "Докладчики",
  "scheduling.feed.title": "Личный календарный канал",
  "scheduling.feed.intro":
    "Личный адрес, на который может подписаться ваш календарь: ваши параллельные мероприятия всех сессий, всегда актуальные. Любой, у кого есть адрес, может его прочитать; замените или отзовите его в любой момент.",
  "scheduling.feed.shownOnce": "Ваш личный адрес, показывается только сейчас (скопируйте его в календарь):",
  "scheduling.feed.exists":
    "У вас есть личный адрес, созданный {date}. Он больше не показывается: замените его, чтобы получить новый.",
  "scheduling.feed.noFeed": "У вас нет личного адреса.",
  "scheduling.feed.create": "Создать личный адрес",
  "scheduling.feed.replace": "Заменить адрес (старый перестанет работать)",
  "scheduling.feed.revoke": "Отозвать адрес",
  "mail.scheduling.released.subject": "{session}: ваши параллельные мероприятия перенесены (версия {number})",
  "mail.scheduling.released.body":
    "Версия {number} программы параллельных мероприятий сессии {session} меняет место или время ваших мероприятий:\n\n{changes}\n\nВсе версии и их изменения: {url}",
};

const zh: Record<Key, string> = {
  "error.SCHEDULING_ROOM_DOUBLE_BOOKED": "两个活动在同一时间位于同一会议室；请在发布前移动其中一个。",
  "error.SCHEDULING_RELEASE_UNCHANGED": "自上一版本以来没有任何变化。",
  "scheduling.change.moved": "从 {fromRoom}，{fromTime} 移至 {toRoom}，{toTime}",
  "scheduling.change.added": "安排在 {toRoom}，{toTime}",
  "scheduling.change.unscheduled": "已移出日程（原为 {fromRoom}，{fromTime}）",
  "scheduling.change.removed": "已不在活动日程中",
  "scheduling.change.removedFrom": "已不在活动日程中（原为 {fromRoom}，{fromTime}）",
  "scheduling.releases.title": "会外活动日程的各个版本",
  "scheduling.releases.programme": "活动日程",
  "scheduling.releases.ics": "将活动日程添加到日历（iCalendar）",
  "scheduling.releases.none": "尚未发布任何版本。",
  "scheduling.releases.release": "第 {number} 版",
  "scheduling.releases.noChange": "与上一版本相比没有变化。",
  "scheduling.mine.title": "我的会外活动",
  "scheduling.mine.intro": "贵组织的会外活动，时间和会议室以最新版本为准。",
  "scheduling.mine.none": "贵组织在本届会议中没有已接受的会外活动。",
  "scheduling.mine.notScheduled": "尚未安排",
  "scheduling.mine.event": "活动",
  "scheduling.mine.when": "时间",
  "scheduling.mine.panel": "发言人",
  "scheduling.feed.title": "私人日历订阅",
  "scheduling.feed.intro":
    "日历应用可以订阅的私人地址：您在所有会议中的会外活动，随时更新。任何拥有该地址的人都能读取；您可以随时更换或撤销。",
  "scheduling.feed.shownOnce": "您的私人地址，仅此一次显示（请复制到日历中）：",
  "scheduling.feed.exists": "您有一个创建于 {date} 的私人地址。它不会再次显示：如需新地址，请更换。",
  "scheduling.feed.noFeed": "您没有私人地址。",
  "scheduling.feed.create": "创建私人地址",
  "scheduling.feed.replace": "更换地址（旧地址将失效）",
  "scheduling.feed.revoke": "撤销地址",
  "mail.scheduling.released.subject": "{session}：您的会外活动有变动（第 {number} 版）",
  "mail.scheduling.released.body":
    "{session} 会外活动日程第 {number} 版更改了您的活动的地点或时间：\n\n{changes}\n\n所有版本及其变化：{url}",
};

export const releaseMessages: Catalogue<Key> = { en, fr, es, ar, ru, zh };
