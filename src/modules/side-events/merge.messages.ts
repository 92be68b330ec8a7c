/** UI strings of merging two proposals, in the six languages. */

export const mergeEn = {
  "sideEvents.link.merges": "Merge similar proposals",
  "sideEvents.status.merged": "Merged into another proposal",
  "sideEvents.merge.title": "Merging similar proposals",
  "sideEvents.merge.intro":
    "Propose to merge two similar proposals: one survives, the other's organisers become its co-organisers and its panellists join it. The merge happens when the focal point of every lead organisation has consented.",
  "sideEvents.merge.one": "Merge of two side-event proposals",
  "sideEvents.merge.survivor": "Proposal that continues",
  "sideEvents.merge.absorbed": "Proposal merged into it",
  "sideEvents.merge.note": "Note to the organisers",
  "sideEvents.merge.propose": "Propose the merge",
  "sideEvents.merge.none": "No merge has been proposed in this session.",
  "sideEvents.merge.open": "Open",
  "sideEvents.merge.organisers": "Organisers of the merged event",
  "sideEvents.merge.panellists": "Panellists of the merged event",
  "sideEvents.merge.consents": "Consent of the lead organisations",
  "sideEvents.merge.consent": "Consent",
  "sideEvents.merge.decline": "Decline",
  "sideEvents.merge.status.proposed": "proposed, awaiting consent",
  "sideEvents.merge.status.merged": "merged",
  "sideEvents.merge.status.declined": "declined",
  "sideEvents.merge.decision.pending": "awaiting an answer",
  "sideEvents.merge.decision.consented": "consented",
  "sideEvents.merge.decision.declined": "declined",
  "mail.sideEvents.mergeProposed.subject": "Proposal to merge two side events: {survivor}",
  "mail.sideEvents.mergeProposed.body":
    'The secretariat proposes to merge "{absorbed}" into "{survivor}". Your focal point can consent or decline here: {url}',
  "mail.sideEvents.mergeDeclined.subject": "Merge declined: {survivor}",
  "mail.sideEvents.mergeDeclined.body":
    '{organisation} declined to merge "{absorbed}" into "{survivor}"; both proposals continue separately.',
  "mail.sideEvents.merged.subject": "Side events merged: {survivor}",
  "mail.sideEvents.merged.body":
    '"{absorbed}" has been merged into "{survivor}". Its organisers are now co-organisers and its panellists join the panel.',
  "error.SIDE_EVENT_MERGE_INVALID": "Choose two different proposals of this session.",
  "error.SIDE_EVENT_MERGE_OPEN": "One of these proposals already has a merge awaiting consent.",
};

type Key = keyof typeof mergeEn;

export const mergeFr: Record<Key, string> = {
  "sideEvents.link.merges": "Fusionner des propositions semblables",
  "sideEvents.status.merged": "Fusionnée dans une autre proposition",
  "sideEvents.merge.title": "Fusion de propositions semblables",
  "sideEvents.merge.intro":
    "Proposez de fusionner deux propositions semblables : l'une continue, les organisateurs de l'autre en deviennent coorganisateurs et ses intervenants la rejoignent. La fusion a lieu quand le point focal de chaque organisation principale y a consenti.",
  "sideEvents.merge.one": "Fusion de deux propositions de manifestations parallèles",
  "sideEvents.merge.survivor": "Proposition qui continue",
  "sideEvents.merge.absorbed": "Proposition fusionnée dans celle-ci",
  "sideEvents.merge.note": "Note aux organisateurs",
  "sideEvents.merge.propose": "Proposer la fusion",
  "sideEvents.merge.none": "Aucune fusion n'a été proposée pour cette session.",
  "sideEvents.merge.open": "Ouvrir",
  "sideEvents.merge.organisers": "Organisateurs de la manifestation fusionnée",
  "sideEvents.merge.panellists": "Intervenants de la manifestation fusionnée",
  "sideEvents.merge.consents": "Consentement des organisations principales",
  "sideEvents.merge.consent": "Consentir",
  "sideEvents.merge.decline": "Refuser",
  "sideEvents.merge.status.proposed": "proposée, en attente de consentement",
  "sideEvents.merge.status.merged": "fusionnée",
  "sideEvents.merge.status.declined": "refusée",
  "sideEvents.merge.decision.pending": "en attente de réponse",
  "sideEvents.merge.decision.consented": "a consenti",
  "sideEvents.merge.decision.declined": "a refusé",
  "mail.sideEvents.mergeProposed.subject":
    "Proposition de fusionner deux manifestations parallèles : {survivor}",
  "mail.sideEvents.mergeProposed.body":
    "Le secrétariat propose de fusionner « {absorbed} » dans « {survivor} ». Votre point focal peut consentir ou refuser ici : {url}",
  "mail.sideEvents.mergeDeclined.subject": "Fusion refusée : {survivor}",
  "mail.sideEvents.mergeDeclined.body":
    "{organisation} a refusé de fusionner « {absorbed} » dans « {survivor} » ; les deux propositions continuent séparément.",
  "mail.sideEvents.merged.subject": "Manifestations parallèles fusionnées : {survivor}",
  "mail.sideEvents.merged.body":
    "« {absorbed} » a été fusionnée dans « {survivor} ». Ses organisateurs en sont désormais coorganisateurs et ses intervenants rejoignent le panel.",
  "error.SIDE_EVENT_MERGE_INVALID": "Choisissez deux propositions différentes de cette session.",
  "error.SIDE_EVENT_MERGE_OPEN":
    "L'une de ces propositions fait déjà l'objet d'une fusion en attente de consentement.",
};

export const mergeEs: Record<Key, string> = {
  "sideEvents.link.merges": "Fusionar propuestas similares",
  "sideEvents.status.merged": "Fusionada en otra propuesta",
  "sideEvents.merge.title": "Fusión de propuestas similares",
  "sideEvents.merge.intro":
    "Proponga fusionar dos propuestas similares: una continúa, los organizadores de la otra pasan a ser sus coorganizadores y sus panelistas se suman. La fusión se realiza cuando el punto focal de cada organización principal ha dado su consentimiento.",
  "sideEvents.merge.one": "Fusión de dos propuestas de actos paralelos",
  "sideEvents.merge.survivor": "Propuesta que continúa",
  "sideEvents.merge.absorbed": "Propuesta que se fusiona en ella",
  "sideEvents.merge.note": "Nota a los organizadores",
  "sideEvents.merge.propose": "Proponer la fusión",
  "sideEvents.merge.none": "No se ha propuesto ninguna fusión en este período de sesiones.",
  "sideEvents.merge.open": "Abrir",
  "sideEvents.merge.organisers": "Organizadores del acto fusionado",
  "sideEvents.merge.panellists": "Panelistas del acto fusionado",
  "sideEvents.merge.consents": "Consentimiento de las organizaciones principales",
  "sideEvents.merge.consent": "Consentir",
  "sideEvents.merge.decline": "Rechazar",
  "sideEvents.merge.status.proposed": "propuesta, a la espera de consentimiento",
  "sideEvents.merge.status.merged": "fusionada",
  "sideEvents.merge.status.declined": "rechazada",
  "sideEvents.merge.decision.pending": "a la espera de respuesta",
  "sideEvents.merge.decision.consented": "consintió",
  "sideEvents.merge.decision.declined": "rechazó",
  "mail.sideEvents.mergeProposed.subject": "Propuesta de fusionar dos actos paralelos: {survivor}",
  "mail.sideEvents.mergeProposed.body":
    "La secretaría propone fusionar «{absorbed}» en «{survivor}». Su punto focal puede consentir o rechazar aquí: {url}",
  "mail.sideEvents.mergeDeclined.subject": "Fusión rechazada: {survivor}",
  "mail.sideEvents.mergeDeclined.body":
    "{organisation} rechazó fusionar «{absorbed}» en «{survivor}»; ambas propuestas siguen por separado.",
  "mail.sideEvents.merged.subject": "Actos paralelos fusionados: {survivor}",
  "mail.sideEvents.merged.body":
    "«{absorbed}» se ha fusionado en «{survivor}». Sus organizadores son ahora coorganizadores y sus panelistas se suman al panel.",
  "error.SIDE_EVENT_MERGE_INVALID": "Elija dos propuestas distintas de este período de sesiones.",
  "error.SIDE_EVENT_MERGE_OPEN": "Una de estas propuestas ya tiene una fusión a la espera de consentimiento.",
};

export const mergeAr: Record<Key, string> = {
  "sideEvents.link.merges": "دمج المقترحات المتشابهة",
  "sideEvents.status.merged": "مدمج في مقترح آخر",
  "sideEvents.merge.title": "دمج المقترحات المتشابهة",
  "sideEvents.merge.intro":
    "اقترحوا دمج مقترحين متشابهين: يستمر أحدهما، ويصبح منظِّمو الآخر منظِّمين مشاركين له وينضم إليه متحدثوه. يتم الدمج عندما توافق جهة الاتصال في كل منظمة رئيسية.",
  "sideEvents.merge.one": "دمج مقترحين لحدثين جانبيين",
  "sideEvents.merge.survivor": "المقترح الذي يستمر",
  "sideEvents.merge.absorbed": "المقترح المدمج فيه",
  "sideEvents.merge.note": "ملاحظة إلى المنظِّمين",
  "sideEvents.merge.propose": "اقتراح الدمج",
  "sideEvents.merge.none": "لم يُقترح أي دمج في هذه الدورة.",
  "sideEvents.merge.open": "فتح",
  "sideEvents.merge.organisers": "منظِّمو الحدث المدمج",
  "sideEvents.merge.panellists": "متحدثو الحدث المدمج",
  "sideEvents.merge.consents": "موافقة المنظمات الرئيسية",
  "sideEvents.merge.consent": "موافقة",
  "sideEvents.merge.decline": "رفض",
  "sideEvents.merge.status.proposed": "مقترح بانتظار الموافقة",
  "sideEvents.merge.status.merged": "مدمج",
  "sideEvents.merge.status.declined": "مرفوض",
  "sideEvents.merge.decision.pending": "بانتظار الرد",
  "sideEvents.merge.decision.consented": "وافقت",
  "sideEvents.merge.decision.declined": "رفضت",
  "mail.sideEvents.mergeProposed.subject": "اقتراح دمج حدثين جانبيين: {survivor}",
  "mail.sideEvents.mergeProposed.body":
    "تقترح الأمانة دمج «{absorbed}» في «{survivor}». يمكن لجهة الاتصال لديكم الموافقة أو الرفض هنا: {url}",
  "mail.sideEvents.mergeDeclined.subject": "رُفض الدمج: {survivor}",
  "mail.sideEvents.mergeDeclined.body":
    "رفضت {organisation} دمج «{absorbed}» في «{survivor}»؛ ويستمر المقترحان منفصلين.",
  "mail.sideEvents.merged.subject": "دُمج الحدثان الجانبيان: {survivor}",
  "mail.sideEvents.merged.body":
    "دُمج «{absorbed}» في «{survivor}». أصبح منظِّموه منظِّمين مشاركين وانضم متحدثوه إلى الفريق.",
  "error.SIDE_EVENT_MERGE_INVALID": "اختاروا مقترحين مختلفين من هذه الدورة.",
  "error.SIDE_EVENT_MERGE_OPEN": "لأحد هذين المقترحين دمج ينتظر الموافقة بالفعل.",
};

export const mergeRu: Record<Key, string> = {
  "sideEvents.link.merges": "Объединить похожие заявки",
  "sideEvents.status.merged": "Объединена с другой заявкой",
  "sideEvents.merge.title": "Объединение похожих заявок",
  "sideEvents.merge.intro":
    "Предложите объединить две похожие заявки: одна продолжается, организаторы другой становятся её соорганизаторами, а её участники присоединяются к ней. Объединение происходит, когда согласие дало контактное лицо каждой ведущей организации.",
  "sideEvents.merge.one": "Объединение двух заявок на параллельные мероприятия",
  "sideEvents.merge.survivor": "Заявка, которая продолжается",
  "sideEvents.merge.absorbed": "Заявка, которая в неё вливается",
  "sideEvents.merge.note": "Примечание для организаторов",
  "sideEvents.merge.propose": "Предложить объединение",
  "sideEvents.merge.none": "На этой сессии объединений не предлагалось.",
  "sideEvents.merge.open": "Открыть",
  "sideEvents.merge.organisers": "Организаторы объединённого мероприятия",
  "sideEvents.merge.panellists": "Участники объединённого мероприятия",
  "sideEvents.merge.consents": "Согласие ведущих организаций",
  "sideEvents.merge.consent": "Согласиться",
  "sideEvents.merge.decline": "Отказаться",
  "sideEvents.merge.status.proposed": "предложено, ожидает согласия",
  "sideEvents.merge.status.merged": "объединено",
  "sideEvents.merge.status.declined": "отклонено",
  "sideEvents.merge.decision.pending": "ожидается ответ",
  "sideEvents.merge.decision.consented": "согласие дано",
  "sideEvents.merge.decision.declined": "отказ",
  "mail.sideEvents.mergeProposed.subject": "Предложение объединить два параллельных мероприятия: {survivor}",
  "mail.sideEvents.mergeProposed.body":
    "Секретариат предлагает объединить «{absorbed}» с «{survivor}». Ваше контактное лицо может согласиться или отказаться здесь: {url}",
  "mail.sideEvents.mergeDeclined.subject": "Объединение отклонено: {survivor}",
  "mail.sideEvents.mergeDeclined.body":
    "{organisation} отказалась объединять «{absorbed}» с «{survivor}»; обе заявки остаются отдельными.",
  "mail.sideEvents.merged.subject": "Параллельные мероприятия объединены: {survivor}",
  "mail.sideEvents.merged.body":
    "«{absorbed}» объединена с «{survivor}». Её организаторы теперь соорганизаторы, а её участники присоединяются к панели.",
  "error.SIDE_EVENT_MERGE_INVALID": "Выберите две разные заявки этой сессии.",
  "error.SIDE_EVENT_MERGE_OPEN": "Для одной из этих заявок уже предложено объединение, ожидающее согласия.",
};

export const mergeZh: Record<Key, string> = {
  "sideEvents.link.merges": "合并相似的提议",
  "sideEvents.status.merged": "已并入另一份提议",
  "sideEvents.merge.title": "合并相似的提议",
  "sideEvents.merge.intro":
    "提议合并两份相似的提议：一份保留，另一份的主办方成为其联合主办方，其小组成员一并加入。每个牵头组织的联络人都同意后即完成合并。",
  "sideEvents.merge.one": "两份会外活动提议的合并",
  "sideEvents.merge.survivor": "保留的提议",
  "sideEvents.merge.absorbed": "并入其中的提议",
  "sideEvents.merge.note": "致主办方的说明",
  "sideEvents.merge.propose": "提议合并",
  "sideEvents.merge.none": "本届会议尚未提议任何合并。",
  "sideEvents.merge.open": "打开",
  "sideEvents.merge.organisers": "合并后活动的主办方",
  "sideEvents.merge.panellists": "合并后活动的小组成员",
  "sideEvents.merge.consents": "牵头组织的同意",
  "sideEvents.merge.consent": "同意",
  "sideEvents.merge.decline": "拒绝",
  "sideEvents.merge.status.proposed": "已提议，等待同意",
  "sideEvents.merge.status.merged": "已合并",
  "sideEvents.merge.status.declined": "已拒绝",
  "sideEvents.merge.decision.pending": "等待答复",
  "sideEvents.merge.decision.consented": "已同意",
  "sideEvents.merge.decision.declined": "已拒绝",
  "mail.sideEvents.mergeProposed.subject": "合并两场会外活动的提议：{survivor}",
  "mail.sideEvents.mergeProposed.body":
    "秘书处提议将“{absorbed}”并入“{survivor}”。贵组织联络人可在此同意或拒绝：{url}",
  "mail.sideEvents.mergeDeclined.subject": "合并被拒绝：{survivor}",
  "mail.sideEvents.mergeDeclined.body":
    "{organisation} 拒绝将“{absorbed}”并入“{survivor}”；两份提议将分别继续。",
  "mail.sideEvents.merged.subject": "会外活动已合并：{survivor}",
  "mail.sideEvents.merged.body":
    "“{absorbed}”已并入“{survivor}”。其主办方现为联合主办方，其小组成员加入该小组。",
  "error.SIDE_EVENT_MERGE_INVALID": "请选择本届会议的两份不同提议。",
  "error.SIDE_EVENT_MERGE_OPEN": "其中一份提议已有等待同意的合并。",
};
