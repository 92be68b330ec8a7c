/** UI messages of panellists' private links (the organisers' page, the panellist's page, the mail). */
import type { Catalogue } from "../../platform/i18n/languages.js";

const en = {
  "error.SCHEDULING_PANELLIST_NO_ADDRESS":
    "No address is kept for this panellist; enter one to mail the link.",
  "scheduling.panellist.title": "Your side event",
  "scheduling.panellist.intro":
    "This private page shows the side event you speak at, with its time and room as the secretariat publishes them. Do not share its address: anyone who has it can read this page.",
  "scheduling.panellist.youAppearAs": "You appear in the programme as",
  "scheduling.panellist.when": "Date and time",
  "scheduling.panellist.room": "Room",
  "scheduling.panellist.roomPending": "not yet assigned",
  "scheduling.panellist.notInProgramme":
    "This side event is not in the published programme yet. Its time and room will appear here once it is scheduled.",
  "scheduling.panellist.release": "As in release {number} of the schedule, published on {date}.",
  "scheduling.panellist.noRelease":
    "As placed when the event was accepted; no schedule release has changed it.",
  "scheduling.panellist.venue": "Venue",
  "scheduling.panellist.organisers": "Organisers",
  "scheduling.panellist.panel": "The panel",
  "scheduling.panellist.ics": "Add it to your calendar (iCalendar; it follows every change)",
  "scheduling.panellist.programme": "The event in the public programme",
  "scheduling.links.title": "Panellists’ private links",
  "scheduling.links.intro":
    "Panellists have no account. Give each one a private link to a page with their side event’s time and room, and a calendar feed that follows every release. Protected panellists appear there only under their pseudonym. A link is shown once; a new one replaces it; you can revoke it at any time.",
  "scheduling.links.panellist": "Panellist",
  "scheduling.links.state": "Link",
  "scheduling.links.none": "No link yet.",
  "scheduling.links.since": "Link made on {date}.",
  "scheduling.links.mailed": "Mailed on {date}.",
  "scheduling.links.addressKept": "Address kept until {date} to re-send.",
  "scheduling.links.create": "Make a link",
  "scheduling.links.replace": "Make a new link (the old one stops working)",
  "scheduling.links.revoke": "Revoke the link",
  "scheduling.links.email": "E-mail address to send the link to (optional)",
  "scheduling.links.language": "Language of the mail and of the page",
  "scheduling.links.keep":
    "Keep the address to re-send a link later (deleted with the session’s personal data)",
  "scheduling.links.resend": "Make a new link and mail it to the kept address",
  "scheduling.links.shownOnce": "The new link, shown only now (copy it for the panellist):",
  "scheduling.links.sent": "The link was mailed.",
  "scheduling.links.back": "Back to the proposal",
  "mail.scheduling.panellistLink.subject": "{session}: your side event “{title}”",
  "mail.scheduling.panellistLink.body":
    "You are a panellist of the side event “{title}” at {session}.\n\nWhen: {when}\nRoom: {room}\n\nYour private page, with any change of time or room and a calendar feed:\n{url}\n\nDo not forward this link: anyone who has it can read the page.",
};
type Key = keyof typeof en;

const fr: Record<Key, string> = {
  "error.SCHEDULING_PANELLIST_NO_ADDRESS":
    "Aucune adresse n’est conservée pour cet intervenant ; saisissez-en une pour envoyer le lien.",
  "scheduling.panellist.title": "Votre manifestation parallèle",
  "scheduling.panellist.intro":
    "Cette page privée indique la manifestation parallèle où vous intervenez, avec l’horaire et la salle publiés par le secrétariat. Ne partagez pas son adresse : quiconque la possède peut lire cette page.",
  "scheduling.panellist.youAppearAs": "Vous figurez au programme sous le nom",
  "scheduling.panellist.when": "Date et heure",
  "scheduling.panellist.room": "Salle",
  "scheduling.panellist.roomPending": "pas encore attribuée",
  "scheduling.panellist.notInProgramme":
    "Cette manifestation ne figure pas encore au programme publié. Son horaire et sa salle apparaîtront ici dès qu’elle sera planifiée.",
  "scheduling.panellist.release": "Selon la version {number} du calendrier, publiée le {date}.",
  "scheduling.panellist.noRelease":
    "Selon la place attribuée lors de l’acceptation ; aucune version du calendrier ne l’a modifiée.",
  "scheduling.panellist.venue": "Lieu",
  "scheduling.panellist.organisers": "Organisateurs",
  "scheduling.panellist.panel": "Les intervenants",
  "scheduling.panellist.ics": "L’ajouter à votre agenda (iCalendar ; suit chaque changement)",
  "scheduling.panellist.programme": "La manifestation dans le programme public",
  "scheduling.links.title": "Liens privés des intervenants",
  "scheduling.links.intro":
    "Les intervenants n’ont pas de compte. Donnez à chacun un lien privé vers une page indiquant l’horaire et la salle de sa manifestation, et un flux d’agenda qui suit chaque version. Les intervenants protégés n’y apparaissent que sous leur pseudonyme. Un lien n’est affiché qu’une fois ; un nouveau le remplace ; vous pouvez le révoquer à tout moment.",
  "scheduling.links.panellist": "Intervenant",
  "scheduling.links.state": "Lien",
  "scheduling.links.none": "Pas encore de lien.",
  "scheduling.links.since": "Lien créé le {date}.",
  "scheduling.links.mailed": "Envoyé le {date}.",
  "scheduling.links.addressKept": "Adresse conservée jusqu’au {date} pour un nouvel envoi.",
  "scheduling.links.create": "Créer un lien",
  "scheduling.links.replace": "Créer un nouveau lien (l’ancien cesse de fonctionner)",
  "scheduling.links.revoke": "Révoquer le lien",
  "scheduling.links.email": "Adresse électronique à laquelle envoyer le lien (facultatif)",
  "scheduling.links.language": "Langue du courriel et de la page",
  "scheduling.links.keep":
    "Conserver l’adresse pour renvoyer un lien plus tard (supprimée avec les données personnelles de la session)",
  "scheduling.links.resend": "Créer un nouveau lien et l’envoyer à l’adresse conservée",
  "scheduling.links.shownOnce":
    "Le nouveau lien, affiché uniquement maintenant (copiez-le pour l’intervenant) :",
  "scheduling.links.sent": "Le lien a été envoyé.",
  "scheduling.links.back": "Retour à la proposition",
  "mail.scheduling.panellistLink.subject": "{session} : votre manifestation parallèle « {title} »",
  "mail.scheduling.panellistLink.body":
    "Vous intervenez dans la manifestation parallèle « {title} » ({session}).\n\nQuand : {when}\nSalle : {room}\n\nVotre page privée, avec tout changement d’horaire ou de salle et un flux d’agenda :\n{url}\n\nNe transférez pas ce lien : quiconque le possède peut lire la page.",
};

const es: Record<Key, string> = {
  "error.SCHEDULING_PANELLIST_NO_ADDRESS":
    "No se conserva ninguna dirección de este panelista; introduzca una para enviar el enlace.",
  "scheduling.panellist.title": "Su evento paralelo",
  "scheduling.panellist.intro":
    "Esta página privada muestra el evento paralelo en el que usted interviene, con el horario y la sala que publica la secretaría. No comparta su dirección: cualquiera que la tenga puede leer esta página.",
  "scheduling.panellist.youAppearAs": "Usted figura en el programa como",
  "scheduling.panellist.when": "Fecha y hora",
  "scheduling.panellist.room": "Sala",
  "scheduling.panellist.roomPending": "aún sin asignar",
  "scheduling.panellist.notInProgramme":
    "Este evento paralelo aún no figura en el programa publicado. Su horario y su sala aparecerán aquí cuando se programe.",
  "scheduling.panellist.release": "Según la versión {number} del calendario, publicada el {date}.",
  "scheduling.panellist.noRelease":
    "Según el lugar asignado al aceptarse el evento; ninguna versión del calendario lo ha cambiado.",
  "scheduling.panellist.venue": "Lugar",
  "scheduling.panellist.organisers": "Organizadores",
  "scheduling.panellist.panel": "El panel",
  "scheduling.panellist.ics": "Añadirlo a su calendario (iCalendar; sigue cada cambio)",
  "scheduling.panellist.programme": "El evento en el programa público",
  "scheduling.links.title": "Enlaces privados de los panelistas",
  "scheduling.links.intro":
    "Los panelistas no tienen cuenta. Dé a cada uno un enlace privado a una página con el horario y la sala de su evento, y un calendario suscrito que sigue cada versión. Los panelistas protegidos solo aparecen allí con su seudónimo. Un enlace se muestra una sola vez; uno nuevo lo reemplaza; puede revocarlo en cualquier momento.",
  "scheduling.links.panellist": "Panelista",
  "scheduling.links.state": "Enlace",
  "scheduling.links.none": "Aún no hay enlace.",
  "scheduling.links.since": "Enlace creado el {date}.",
  "scheduling.links.mailed": "Enviado el {date}.",
  "scheduling.links.addressKept": "Dirección conservada hasta el {date} para reenviar.",
  "scheduling.links.create": "Crear un enlace",
  "scheduling.links.replace": "Crear un enlace nuevo (el anterior deja de funcionar)",
  "scheduling.links.revoke": "Revocar el enlace",
  "scheduling.links.email": "Dirección de correo a la que enviar el enlace (opcional)",
  "scheduling.links.language": "Idioma del correo y de la página",
  "scheduling.links.keep":
    "Conservar la dirección para reenviar un enlace más tarde (se borra con los datos personales del período de sesiones)",
  "scheduling.links.resend": "Crear un enlace nuevo y enviarlo a la dirección conservada",
  "scheduling.links.shownOnce": "El nuevo enlace, que solo se muestra ahora (cópielo para el panelista):",
  "scheduling.links.sent": "Se envió el enlace.",
  "scheduling.links.back": "Volver a la propuesta",
  "mail.scheduling.panellistLink.subject": "{session}: su evento paralelo «{title}»",
  "mail.scheduling.panellistLink.body":
    "Usted es panelista del evento paralelo «{title}» ({session}).\n\nCuándo: {when}\nSala: {room}\n\nSu página privada, con cualquier cambio de horario o de sala y un calendario suscrito:\n{url}\n\nNo reenvíe este enlace: cualquiera que lo tenga puede leer la página.",
};

const ar: Record<Key, string> = {
  "error.SCHEDULING_PANELLIST_NO_ADDRESS": "لا يوجد عنوان محفوظ لهذا المتحدث؛ أدخل عنواناً لإرسال الرابط.",
  "scheduling.panellist.title": "الحدث الجانبي الخاص بك",
  "scheduling.panellist.intro":
    "تعرض هذه الصفحة الخاصة الحدث الجانبي الذي تتحدث فيه، مع موعده وقاعته كما تنشرهما الأمانة. لا تشارك عنوانها: يمكن لأي شخص يملكه قراءة هذه الصفحة.",
  "scheduling.panellist.youAppearAs": "تظهر في البرنامج باسم",
  "scheduling.panellist.when": "التاريخ والوقت",
  "scheduling.panellist.room": "القاعة",
  "scheduling.panellist.roomPending": "لم تُحدد بعد",
  "scheduling.panellist.notInProgramme":
    "هذا الحدث الجانبي غير مدرج بعد في البرنامج المنشور. سيظهر موعده وقاعته هنا بمجرد جدولته.",
  "scheduling.panellist.release": "وفق الإصدار {number} من الجدول، المنشور في {date}.",
  "scheduling.panellist.noRelease": "وفق المكان المحدد عند قبول الحدث؛ لم يغيره أي إصدار من الجدول.",
  "scheduling.panellist.venue": "المكان",
  "scheduling.panellist.organisers": "المنظمون",
  "scheduling.panellist.panel": "المتحدثون",
  "scheduling.panellist.ics": "أضفه إلى تقويمك (iCalendar؛ يتابع كل تغيير)",
  "scheduling.panellist.programme": "الحدث في البرنامج العام",
  "scheduling.links.title": "الروابط الخاصة بالمتحدثين",
  "scheduling.links.intro":
    "ليس للمتحدثين حسابات. امنح كل واحد منهم رابطاً خاصاً إلى صفحة تعرض موعد حدثه وقاعته، وتقويماً يتابع كل إصدار. لا يظهر المتحدثون المحميون هناك إلا بأسمائهم المستعارة. يُعرض الرابط مرة واحدة؛ ويحل محله رابط جديد؛ ويمكنك إلغاؤه في أي وقت.",
  "scheduling.links.panellist": "المتحدث",
  "scheduling.links.state": "الرابط",
  "scheduling.links.none": "لا يوجد رابط بعد.",
  "scheduling.links.since": "أُنشئ الرابط في {date}.",
  "scheduling.links.mailed": "أُرسل في {date}.",
  "scheduling.links.addressKept": "العنوان محفوظ حتى {date} لإعادة الإرسال.",
  "scheduling.links.create": "إنشاء رابط",
  "scheduling.links.replace": "إنشاء رابط جديد (يتوقف الرابط القديم عن العمل)",
  "scheduling.links.revoke": "إلغاء الرابط",
  "scheduling.links.email": "عنوان البريد الإلكتروني لإرسال الرابط إليه (اختياري)",
  "scheduling.links.language": "لغة الرسالة والصفحة",
  "scheduling.links.keep": "الاحتفاظ بالعنوان لإعادة إرسال رابط لاحقاً (يُحذف مع البيانات الشخصية للدورة)",
  "scheduling.links.resend": "إنشاء رابط جديد وإرساله إلى العنوان المحفوظ",
  "scheduling.links.shownOnce": "الرابط الجديد، يُعرض الآن فقط (انسخه للمتحدث):",
  "scheduling.links.sent": "أُرسل الرابط.",
  "scheduling.links.back": "العودة إلى المقترح",
  "mail.scheduling.panellistLink.subject": "{session}: الحدث الجانبي الخاص بك «{title}»",
  "mail.scheduling.panellistLink.body":
    "أنت متحدث في الحدث الجانبي «{title}» ({session}).\n\nالموعد: {when}\nالقاعة: {room}\n\nصفحتك الخاصة، مع أي تغيير في الموعد أو القاعة وتقويم للاشتراك:\n{url}\n\nلا تُعِد توجيه هذا الرابط: يمكن لأي شخص يملكه قراءة الصفحة.",
};

const ru: Record<Key, string> = {
  "error.SCHEDULING_PANELLIST_NO_ADDRESS":
    "Для этого докладчика адрес не сохранён; введите адрес, чтобы отправить ссылку.",
  "scheduling.panellist.title": "Ваше параллельное мероприятие",
  "scheduling.panellist.intro":
    "На этой личной странице указано параллельное мероприятие, на котором вы выступаете, с временем и залом, опубликованными секретариатом. Не передавайте её адрес: любой, у кого он есть, может прочитать эту страницу.",
  "scheduling.panellist.youAppearAs": "В программе вы указаны как",
  "scheduling.panellist.when": "Дата и время",
  "scheduling.panellist.room": "Зал",
  "scheduling.panellist.roomPending": "ещё не назначен",
  "scheduling.panellist.notInProgramme":
    "Этого мероприятия ещё нет в опубликованной программе. Время и зал появятся здесь, когда оно будет включено в расписание.",
  "scheduling.panellist.release": "По версии {number} расписания, опубликованной {date}.",
  "scheduling.panellist.noRelease":
    "По месту, назначенному при принятии мероприятия; ни одна версия расписания его не меняла.",
  "scheduling.panellist.venue": "Место проведения",
  "scheduling.panellist.organisers": "Организаторы",
  "scheduling.panellist.panel": "Докладчики",
  "scheduling.panellist.ics": "Добавить в календарь (iCalendar; отражает каждое изменение)",
  "scheduling.panellist.programme": "Мероприятие в открытой программе",
  "scheduling.links.title": "Личные ссылки докладчиков",
  "scheduling.links.intro":
    "У докладчиков нет учётных записей. Дайте каждому личную ссылку на страницу со временем и залом его мероприятия и календарь, который отражает каждую версию. Защищённые докладчики указаны там только под псевдонимом. Ссылка показывается один раз; новая заменяет старую; её можно отозвать в любой момент.",
  "scheduling.links.panellist": "Докладчик",
  "scheduling.links.state": "Ссылка",
  "scheduling.links.none": "Ссылки ещё нет.",
  "scheduling.links.since": "Ссылка создана {date}.",
  "scheduling.links.mailed": "Отправлена {date}.",
  "scheduling.links.addressKept": "Адрес хранится до {date} для повторной отправки.",
  "scheduling.links.create": "Создать ссылку",
  "scheduling.links.replace": "Создать новую ссылку (старая перестанет работать)",
  "scheduling.links.revoke": "Отозвать ссылку",
  "scheduling.links.email": "Адрес электронной почты для отправки ссылки (необязательно)",
  "scheduling.links.language": "Язык письма и страницы",
  "scheduling.links.keep":
    "Сохранить адрес для повторной отправки (удаляется вместе с персональными данными сессии)",
  "scheduling.links.resend": "Создать новую ссылку и отправить её на сохранённый адрес",
  "scheduling.links.shownOnce": "Новая ссылка, показывается только сейчас (скопируйте её для докладчика):",
  "scheduling.links.sent": "Ссылка отправлена.",
  "scheduling.links.back": "Назад к заявке",
  "mail.scheduling.panellistLink.subject": "{session}: ваше параллельное мероприятие «{title}»",
  "mail.scheduling.panellistLink.body":
    "Вы выступаете на параллельном мероприятии «{title}» ({session}).\n\nКогда: {when}\nЗал: {room}\n\nВаша личная страница с любыми изменениями времени или зала и календарём для подписки:\n{url}\n\nНе пересылайте эту ссылку: любой, у кого она есть, может прочитать страницу.",
};

const zh: Record<Key, string> = {
  "error.SCHEDULING_PANELLIST_NO_ADDRESS": "未保存该发言人的地址；请输入一个地址以发送链接。",
  "scheduling.panellist.title": "您的会外活动",
  "scheduling.panellist.intro":
    "此私人页面显示您发言的会外活动，以及秘书处公布的时间和会议室。请勿分享此地址：任何拥有该地址的人都能阅读此页面。",
  "scheduling.panellist.youAppearAs": "您在节目单中的显示名称",
  "scheduling.panellist.when": "日期和时间",
  "scheduling.panellist.room": "会议室",
  "scheduling.panellist.roomPending": "尚未分配",
  "scheduling.panellist.notInProgramme":
    "该会外活动尚未列入已公布的节目单。安排后，其时间和会议室将显示在此处。",
  "scheduling.panellist.release": "依据日程第 {number} 版，发布于 {date}。",
  "scheduling.panellist.noRelease": "依据活动获接受时分配的位置；尚无日程版本对其作出更改。",
  "scheduling.panellist.venue": "地点",
  "scheduling.panellist.organisers": "组织者",
  "scheduling.panellist.panel": "发言人",
  "scheduling.panellist.ics": "添加到您的日历（iCalendar；随每次变更更新）",
  "scheduling.panellist.programme": "公开节目单中的该活动",
  "scheduling.links.title": "发言人的私人链接",
  "scheduling.links.intro":
    "发言人没有账户。请为每位发言人提供一个私人链接，指向显示其会外活动时间和会议室的页面，以及随每个版本更新的日历订阅。受保护的发言人在那里只以化名出现。链接只显示一次；新链接会取代旧链接；您可以随时撤销。",
  "scheduling.links.panellist": "发言人",
  "scheduling.links.state": "链接",
  "scheduling.links.none": "尚无链接。",
  "scheduling.links.since": "链接创建于 {date}。",
  "scheduling.links.mailed": "已于 {date} 发送。",
  "scheduling.links.addressKept": "地址保存至 {date}，以便重新发送。",
  "scheduling.links.create": "创建链接",
  "scheduling.links.replace": "创建新链接（旧链接失效）",
  "scheduling.links.revoke": "撤销链接",
  "scheduling.links.email": "接收链接的电子邮件地址（可选）",
  "scheduling.links.language": "邮件和页面的语言",
  "scheduling.links.keep": "保存地址以便日后重新发送链接（随本届会议的个人数据一并删除）",
  "scheduling.links.resend": "创建新链接并发送到已保存的地址",
  "scheduling.links.shownOnce": "新链接，仅此一次显示（请复制给发言人）：",
  "scheduling.links.sent": "链接已发送。",
  "scheduling.links.back": "返回提案",
  "mail.scheduling.panellistLink.subject": "{session}：您的会外活动“{title}”",
  "mail.scheduling.panellistLink.body":
    "您是会外活动“{title}”（{session}）的发言人。\n\n时间：{when}\n会议室：{room}\n\n您的私人页面，包含时间或会议室的任何变更以及日历订阅：\n{url}\n\n请勿转发此链接：任何拥有该链接的人都能阅读该页面。",
};

export const panellistLinkMessages: Catalogue<Key> = { en, fr, es, ar, ru, zh };
