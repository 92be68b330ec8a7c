/** UI strings of the proposed reviewer assignment and the reviewers' expertise, in the six languages. */

export const assignmentEn = {
  "sideEvents.link.assignment": "Reviewer assignment proposed by Convene",
  "sideEvents.assignment.title": "Reviewer assignment proposed by Convene",
  "sideEvents.assignment.intro":
    "Convene proposes reviewers for every submitted proposal: the number you ask for, never a member of an organising organisation, loads as even as possible. Adjust the ticks, then confirm; each reviewer receives one mail.",
  "sideEvents.assignment.perProposal": "Reviewers per proposal",
  "sideEvents.assignment.expertise": "Reviewers' declared expertise",
  "sideEvents.assignment.expertise.ignore": "Ignore",
  "sideEvents.assignment.expertise.prefer": "Prefer a reviewer who knows a theme of the proposal",
  "sideEvents.assignment.expertise.require": "Require a reviewer who knows a theme of the proposal",
  "sideEvents.assignment.propose": "Propose",
  "sideEvents.assignment.none": "No submitted proposal is waiting for reviewers.",
  "sideEvents.assignment.infeasible": "No assignment can follow these rules",
  "sideEvents.assignment.short": '"{title}" needs {needed} reviewers; only {eligible} can review it.',
  "sideEvents.assignment.conflicted": "Members of an organising organisation: {names}.",
  "sideEvents.assignment.noExpertise": "No declared expertise in its themes: {names}.",
  "sideEvents.assignment.summary":
    "{assignments} new assignments proposed; expertise matched {matches} times.",
  "sideEvents.assignment.grid": "Proposed reviewers (ticked) for each proposal",
  "sideEvents.assignment.proposal": "Proposal",
  "sideEvents.assignment.existing": "assigned",
  "sideEvents.assignment.conflict": "conflict",
  "sideEvents.assignment.load": "Load",
  "sideEvents.assignment.confirm": "Confirm the assignment",
  "sideEvents.expertise.title": "My expertise as a reviewer",
  "sideEvents.expertise.intro":
    "The themes you know. The reviewer assignment Convene proposes can prefer or require them.",
  "sideEvents.expertise.themes": "Themes",
  "sideEvents.expertise.save": "Save my expertise",
  "sideEvents.expertise.saved": "Your expertise is saved.",
  "mail.sideEvents.reviewsAssigned.subject": "Side-event proposals to review: {session}",
  "mail.sideEvents.reviewsAssigned.body":
    "The secretariat asks you to review {count} side-event proposals of {session}. They are here: {url}",
};

type Key = keyof typeof assignmentEn;

export const assignmentFr: Record<Key, string> = {
  "sideEvents.link.assignment": "Répartition des évaluateurs proposée par Convene",
  "sideEvents.assignment.title": "Répartition des évaluateurs proposée par Convene",
  "sideEvents.assignment.intro":
    "Convene propose des évaluateurs pour chaque proposition soumise : le nombre demandé, jamais un membre d'une organisation organisatrice, des charges aussi égales que possible. Ajustez les cases, puis confirmez ; chaque évaluateur reçoit un seul courriel.",
  "sideEvents.assignment.perProposal": "Évaluateurs par proposition",
  "sideEvents.assignment.expertise": "Compétences déclarées des évaluateurs",
  "sideEvents.assignment.expertise.ignore": "Ne pas en tenir compte",
  "sideEvents.assignment.expertise.prefer": "Préférer un évaluateur qui connaît un thème de la proposition",
  "sideEvents.assignment.expertise.require": "Exiger un évaluateur qui connaît un thème de la proposition",
  "sideEvents.assignment.propose": "Proposer",
  "sideEvents.assignment.none": "Aucune proposition soumise n'attend d'évaluateurs.",
  "sideEvents.assignment.infeasible": "Aucune répartition ne peut respecter ces règles",
  "sideEvents.assignment.short":
    "« {title} » demande {needed} évaluateurs ; seuls {eligible} peuvent l'évaluer.",
  "sideEvents.assignment.conflicted": "Membres d'une organisation organisatrice : {names}.",
  "sideEvents.assignment.noExpertise": "Sans compétence déclarée dans ses thèmes : {names}.",
  "sideEvents.assignment.summary":
    "{assignments} nouvelles attributions proposées ; compétence correspondante {matches} fois.",
  "sideEvents.assignment.grid": "Évaluateurs proposés (cochés) pour chaque proposition",
  "sideEvents.assignment.proposal": "Proposition",
  "sideEvents.assignment.existing": "attribué",
  "sideEvents.assignment.conflict": "conflit",
  "sideEvents.assignment.load": "Charge",
  "sideEvents.assignment.confirm": "Confirmer la répartition",
  "sideEvents.expertise.title": "Mes compétences d'évaluateur",
  "sideEvents.expertise.intro":
    "Les thèmes que vous connaissez. La répartition proposée par Convene peut les préférer ou les exiger.",
  "sideEvents.expertise.themes": "Thèmes",
  "sideEvents.expertise.save": "Enregistrer mes compétences",
  "sideEvents.expertise.saved": "Vos compétences sont enregistrées.",
  "mail.sideEvents.reviewsAssigned.subject":
    "Propositions de manifestations parallèles à évaluer : {session}",
  "mail.sideEvents.reviewsAssigned.body":
    "Le secrétariat vous demande d'évaluer {count} propositions de manifestations parallèles de {session}. Elles sont ici : {url}",
};

export const assignmentEs: Record<Key, string> = {
  "sideEvents.link.assignment": "Asignación de evaluadores propuesta por Convene",
  "sideEvents.assignment.title": "Asignación de evaluadores propuesta por Convene",
  "sideEvents.assignment.intro":
    "Convene propone evaluadores para cada propuesta presentada: el número que usted pida, nunca un miembro de una organización organizadora, con cargas lo más iguales posible. Ajuste las casillas y confirme; cada evaluador recibe un solo correo.",
  "sideEvents.assignment.perProposal": "Evaluadores por propuesta",
  "sideEvents.assignment.expertise": "Especialidad declarada de los evaluadores",
  "sideEvents.assignment.expertise.ignore": "No tenerla en cuenta",
  "sideEvents.assignment.expertise.prefer": "Preferir un evaluador que conozca un tema de la propuesta",
  "sideEvents.assignment.expertise.require": "Exigir un evaluador que conozca un tema de la propuesta",
  "sideEvents.assignment.propose": "Proponer",
  "sideEvents.assignment.none": "Ninguna propuesta presentada espera evaluadores.",
  "sideEvents.assignment.infeasible": "Ninguna asignación puede cumplir estas reglas",
  "sideEvents.assignment.short": "«{title}» necesita {needed} evaluadores; solo {eligible} pueden evaluarla.",
  "sideEvents.assignment.conflicted": "Miembros de una organización organizadora: {names}.",
  "sideEvents.assignment.noExpertise": "Sin especialidad declarada en sus temas: {names}.",
  "sideEvents.assignment.summary":
    "{assignments} nuevas asignaciones propuestas; la especialidad coincide {matches} veces.",
  "sideEvents.assignment.grid": "Evaluadores propuestos (marcados) para cada propuesta",
  "sideEvents.assignment.proposal": "Propuesta",
  "sideEvents.assignment.existing": "asignado",
  "sideEvents.assignment.conflict": "conflicto",
  "sideEvents.assignment.load": "Carga",
  "sideEvents.assignment.confirm": "Confirmar la asignación",
  "sideEvents.expertise.title": "Mi especialidad como evaluador",
  "sideEvents.expertise.intro":
    "Los temas que usted conoce. La asignación que propone Convene puede preferirlos o exigirlos.",
  "sideEvents.expertise.themes": "Temas",
  "sideEvents.expertise.save": "Guardar mi especialidad",
  "sideEvents.expertise.saved": "Su especialidad se ha guardado.",
  "mail.sideEvents.reviewsAssigned.subject": "Propuestas de actos paralelos por evaluar: {session}",
  "mail.sideEvents.reviewsAssigned.body":
    "La secretaría le pide que evalúe {count} propuestas de actos paralelos de {session}. Están aquí: {url}",
};

export const assignmentAr: Record<Key, string> = {
  "sideEvents.link.assignment": "توزيع المراجعين الذي يقترحه Convene",
  "sideEvents.assignment.title": "توزيع المراجعين الذي يقترحه Convene",
  "sideEvents.assignment.intro":
    "يقترح Convene مراجعين لكل مقترح مقدَّم: العدد الذي تطلبونه، دون أي عضو في منظمة منظِّمة، وبأعباء متساوية قدر الإمكان. عدِّلوا الاختيارات ثم أكِّدوا؛ ويتلقى كل مراجع رسالة واحدة.",
  "sideEvents.assignment.perProposal": "عدد المراجعين لكل مقترح",
  "sideEvents.assignment.expertise": "الخبرة المعلنة للمراجعين",
  "sideEvents.assignment.expertise.ignore": "عدم مراعاتها",
  "sideEvents.assignment.expertise.prefer": "تفضيل مراجع يعرف أحد مواضيع المقترح",
  "sideEvents.assignment.expertise.require": "اشتراط مراجع يعرف أحد مواضيع المقترح",
  "sideEvents.assignment.propose": "اقتراح",
  "sideEvents.assignment.none": "لا يوجد مقترح مقدَّم ينتظر مراجعين.",
  "sideEvents.assignment.infeasible": "لا يوجد توزيع يستوفي هذه القواعد",
  "sideEvents.assignment.short": "يحتاج «{title}» إلى {needed} مراجعين؛ ولا يستطيع مراجعته إلا {eligible}.",
  "sideEvents.assignment.conflicted": "أعضاء في منظمة منظِّمة: {names}.",
  "sideEvents.assignment.noExpertise": "بلا خبرة معلنة في مواضيعه: {names}.",
  "sideEvents.assignment.summary": "{assignments} تكليفات جديدة مقترحة؛ وتطابقت الخبرة {matches} مرات.",
  "sideEvents.assignment.grid": "المراجعون المقترحون (المحدَّدون) لكل مقترح",
  "sideEvents.assignment.proposal": "المقترح",
  "sideEvents.assignment.existing": "مكلَّف",
  "sideEvents.assignment.conflict": "تضارب",
  "sideEvents.assignment.load": "العبء",
  "sideEvents.assignment.confirm": "تأكيد التوزيع",
  "sideEvents.expertise.title": "خبرتي بوصفي مراجعًا",
  "sideEvents.expertise.intro":
    "المواضيع التي تعرفونها. يمكن للتوزيع الذي يقترحه Convene أن يفضّلها أو يشترطها.",
  "sideEvents.expertise.themes": "المواضيع",
  "sideEvents.expertise.save": "حفظ خبرتي",
  "sideEvents.expertise.saved": "حُفظت خبرتكم.",
  "mail.sideEvents.reviewsAssigned.subject": "مقترحات أحداث جانبية للمراجعة: {session}",
  "mail.sideEvents.reviewsAssigned.body":
    "تطلب منكم الأمانة مراجعة {count} من مقترحات الأحداث الجانبية في {session}. تجدونها هنا: {url}",
};

export const assignmentRu: Record<Key, string> = {
  "sideEvents.link.assignment": "Распределение рецензентов, предложенное Convene",
  "sideEvents.assignment.title": "Распределение рецензентов, предложенное Convene",
  "sideEvents.assignment.intro":
    "Convene предлагает рецензентов для каждой поданной заявки: столько, сколько вы просите, никогда не члена организации-организатора, с нагрузкой как можно более равной. Исправьте отметки и подтвердите; каждый рецензент получит одно письмо.",
  "sideEvents.assignment.perProposal": "Рецензентов на заявку",
  "sideEvents.assignment.expertise": "Заявленная компетенция рецензентов",
  "sideEvents.assignment.expertise.ignore": "Не учитывать",
  "sideEvents.assignment.expertise.prefer": "Предпочитать рецензента, знающего тему заявки",
  "sideEvents.assignment.expertise.require": "Требовать рецензента, знающего тему заявки",
  "sideEvents.assignment.propose": "Предложить",
  "sideEvents.assignment.none": "Нет поданных заявок, ожидающих рецензентов.",
  "sideEvents.assignment.infeasible": "Ни одно распределение не соответствует этим правилам",
  "sideEvents.assignment.short":
    "«{title}» нужно рецензентов: {needed}; рецензировать могут только {eligible}.",
  "sideEvents.assignment.conflicted": "Члены организации-организатора: {names}.",
  "sideEvents.assignment.noExpertise": "Без заявленной компетенции в её темах: {names}.",
  "sideEvents.assignment.summary":
    "Предложено новых назначений: {assignments}; совпадений компетенции: {matches}.",
  "sideEvents.assignment.grid": "Предложенные рецензенты (отмечены) для каждой заявки",
  "sideEvents.assignment.proposal": "Заявка",
  "sideEvents.assignment.existing": "назначен",
  "sideEvents.assignment.conflict": "конфликт",
  "sideEvents.assignment.load": "Нагрузка",
  "sideEvents.assignment.confirm": "Подтвердить распределение",
  "sideEvents.expertise.title": "Моя компетенция рецензента",
  "sideEvents.expertise.intro":
    "Темы, которые вы знаете. Предлагаемое Convene распределение может их предпочитать или требовать.",
  "sideEvents.expertise.themes": "Темы",
  "sideEvents.expertise.save": "Сохранить компетенцию",
  "sideEvents.expertise.saved": "Ваша компетенция сохранена.",
  "mail.sideEvents.reviewsAssigned.subject": "Заявки на параллельные мероприятия для рецензии: {session}",
  "mail.sideEvents.reviewsAssigned.body":
    "Секретариат просит вас отрецензировать заявки на параллельные мероприятия сессии {session} (заявок: {count}). Они здесь: {url}",
};

export const assignmentZh: Record<Key, string> = {
  "sideEvents.link.assignment": "Convene 提议的评审员分配",
  "sideEvents.assignment.title": "Convene 提议的评审员分配",
  "sideEvents.assignment.intro":
    "Convene 为每份已提交的提议推荐评审员：数量按您的要求，绝不选主办组织的成员，工作量尽量均衡。调整勾选后确认；每位评审员只收到一封邮件。",
  "sideEvents.assignment.perProposal": "每份提议的评审员人数",
  "sideEvents.assignment.expertise": "评审员申报的专长",
  "sideEvents.assignment.expertise.ignore": "不考虑",
  "sideEvents.assignment.expertise.prefer": "优先选择熟悉提议主题的评审员",
  "sideEvents.assignment.expertise.require": "必须选择熟悉提议主题的评审员",
  "sideEvents.assignment.propose": "提议",
  "sideEvents.assignment.none": "没有等待评审员的已提交提议。",
  "sideEvents.assignment.infeasible": "没有任何分配能满足这些规则",
  "sideEvents.assignment.short": "“{title}”需要 {needed} 名评审员；只有 {eligible} 名可以评审。",
  "sideEvents.assignment.conflicted": "主办组织的成员：{names}。",
  "sideEvents.assignment.noExpertise": "未申报其主题专长：{names}。",
  "sideEvents.assignment.summary": "提议新分配 {assignments} 项；专长匹配 {matches} 次。",
  "sideEvents.assignment.grid": "每份提议的推荐评审员（已勾选）",
  "sideEvents.assignment.proposal": "提议",
  "sideEvents.assignment.existing": "已分配",
  "sideEvents.assignment.conflict": "冲突",
  "sideEvents.assignment.load": "工作量",
  "sideEvents.assignment.confirm": "确认分配",
  "sideEvents.expertise.title": "我作为评审员的专长",
  "sideEvents.expertise.intro": "您熟悉的主题。Convene 提议的分配可以优先或必须考虑这些主题。",
  "sideEvents.expertise.themes": "主题",
  "sideEvents.expertise.save": "保存我的专长",
  "sideEvents.expertise.saved": "您的专长已保存。",
  "mail.sideEvents.reviewsAssigned.subject": "待评审的会外活动提议：{session}",
  "mail.sideEvents.reviewsAssigned.body": "秘书处请您评审 {session} 的 {count} 份会外活动提议。请访问：{url}",
};
