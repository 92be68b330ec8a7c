/** UI strings of the after-event record and panellists' photos, in the six languages. */

export const afterEn = {
  "sideEvents.programme.pages": "Pages of the programme",
  "sideEvents.programme.count": "{total} side events · page {page} of {pages}",
  "sideEvents.programme.previous": "Previous page",
  "sideEvents.programme.next": "Next page",
  "sideEvents.link.after": "After the event: attendance, report and materials",
  "sideEvents.link.photos": "Panellists' photos",
  "sideEvents.after.title": "After the event",
  "sideEvents.after.attendance": "Attendance",
  "sideEvents.after.byGender": "Attendance by gender (optional)",
  "sideEvents.after.report": "Short report",
  "sideEvents.after.save": "Save attendance and report",
  "sideEvents.after.materials": "Materials (PDF)",
  "sideEvents.after.materialTitle": "Title of the document",
  "sideEvents.after.file": "PDF file (at most 10 MB)",
  "sideEvents.after.upload": "Upload",
  "sideEvents.photos.title": "Panellists' photos",
  "sideEvents.photos.intro":
    "A photo is shown on the public event page only if the panellist consented to publication, and never for a protected panellist. Convene removes every metadata block (EXIF, location) from the image.",
  "sideEvents.photos.protected":
    "Protected panellist: the photo is never shown to the public, co-organisers or reviewers.",
  "sideEvents.photos.none": "No photo.",
  "sideEvents.photos.file": "Photo (JPEG, PNG or WebP, at most 5 MB)",
  "sideEvents.photos.upload": "Upload the photo",
  "error.SIDE_EVENT_NOT_HELD_YET":
    "The event has not taken place yet: attendance, report and materials come after it.",
  "error.SIDE_EVENT_FILE_INVALID":
    "This file is not a PDF document (Convene reads its content, not its name).",
  "error.SIDE_EVENT_FILE_LIMIT": "This event already has as many documents as allowed (10).",
};

type Key = keyof typeof afterEn;

export const afterFr: Record<Key, string> = {
  "sideEvents.programme.pages": "Pages du programme",
  "sideEvents.programme.count": "{total} manifestations parallèles · page {page} sur {pages}",
  "sideEvents.programme.previous": "Page précédente",
  "sideEvents.programme.next": "Page suivante",
  "sideEvents.link.after": "Après la manifestation : participation, rapport et documents",
  "sideEvents.link.photos": "Photos des intervenants",
  "sideEvents.after.title": "Après la manifestation",
  "sideEvents.after.attendance": "Participation",
  "sideEvents.after.byGender": "Participation par genre (facultatif)",
  "sideEvents.after.report": "Bref rapport",
  "sideEvents.after.save": "Enregistrer la participation et le rapport",
  "sideEvents.after.materials": "Documents (PDF)",
  "sideEvents.after.materialTitle": "Titre du document",
  "sideEvents.after.file": "Fichier PDF (10 Mo au plus)",
  "sideEvents.after.upload": "Téléverser",
  "sideEvents.photos.title": "Photos des intervenants",
  "sideEvents.photos.intro":
    "Une photo n'apparaît sur la page publique que si l'intervenant a consenti à la publication, et jamais pour un intervenant protégé. Convene retire de l'image toutes les métadonnées (EXIF, localisation).",
  "sideEvents.photos.protected":
    "Intervenant protégé : la photo n'est jamais montrée au public, aux coorganisateurs ni aux évaluateurs.",
  "sideEvents.photos.none": "Pas de photo.",
  "sideEvents.photos.file": "Photo (JPEG, PNG ou WebP, 5 Mo au plus)",
  "sideEvents.photos.upload": "Téléverser la photo",
  "error.SIDE_EVENT_NOT_HELD_YET":
    "La manifestation n'a pas encore eu lieu : participation, rapport et documents viennent après.",
  "error.SIDE_EVENT_FILE_INVALID":
    "Ce fichier n'est pas un document PDF (Convene lit son contenu, pas son nom).",
  "error.SIDE_EVENT_FILE_LIMIT": "Cette manifestation a déjà autant de documents que permis (10).",
};

export const afterEs: Record<Key, string> = {
  "sideEvents.programme.pages": "Páginas del programa",
  "sideEvents.programme.count": "{total} actos paralelos · página {page} de {pages}",
  "sideEvents.programme.previous": "Página anterior",
  "sideEvents.programme.next": "Página siguiente",
  "sideEvents.link.after": "Después del acto: asistencia, informe y documentos",
  "sideEvents.link.photos": "Fotos de los panelistas",
  "sideEvents.after.title": "Después del acto",
  "sideEvents.after.attendance": "Asistencia",
  "sideEvents.after.byGender": "Asistencia por género (opcional)",
  "sideEvents.after.report": "Informe breve",
  "sideEvents.after.save": "Guardar asistencia e informe",
  "sideEvents.after.materials": "Documentos (PDF)",
  "sideEvents.after.materialTitle": "Título del documento",
  "sideEvents.after.file": "Archivo PDF (10 MB como máximo)",
  "sideEvents.after.upload": "Subir",
  "sideEvents.photos.title": "Fotos de los panelistas",
  "sideEvents.photos.intro":
    "Una foto aparece en la página pública solo si el panelista consintió su publicación, y nunca la de un panelista protegido. Convene elimina de la imagen todos los metadatos (EXIF, ubicación).",
  "sideEvents.photos.protected":
    "Panelista protegido: la foto nunca se muestra al público, a los coorganizadores ni a los evaluadores.",
  "sideEvents.photos.none": "Sin foto.",
  "sideEvents.photos.file": "Foto (JPEG, PNG o WebP, 5 MB como máximo)",
  "sideEvents.photos.upload": "Subir la foto",
  "error.SIDE_EVENT_NOT_HELD_YET":
    "El acto aún no se ha celebrado: asistencia, informe y documentos vienen después.",
  "error.SIDE_EVENT_FILE_INVALID":
    "Este archivo no es un documento PDF (Convene lee su contenido, no su nombre).",
  "error.SIDE_EVENT_FILE_LIMIT": "Este acto ya tiene tantos documentos como se permite (10).",
};

export const afterAr: Record<Key, string> = {
  "sideEvents.programme.pages": "صفحات البرنامج",
  "sideEvents.programme.count": "{total} حدثًا جانبيًا · الصفحة {page} من {pages}",
  "sideEvents.programme.previous": "الصفحة السابقة",
  "sideEvents.programme.next": "الصفحة التالية",
  "sideEvents.link.after": "بعد الحدث: الحضور والتقرير والمواد",
  "sideEvents.link.photos": "صور المتحدثين",
  "sideEvents.after.title": "بعد الحدث",
  "sideEvents.after.attendance": "عدد الحضور",
  "sideEvents.after.byGender": "الحضور حسب الجنس (اختياري)",
  "sideEvents.after.report": "تقرير موجز",
  "sideEvents.after.save": "حفظ الحضور والتقرير",
  "sideEvents.after.materials": "المواد (PDF)",
  "sideEvents.after.materialTitle": "عنوان الوثيقة",
  "sideEvents.after.file": "ملف PDF (10 ميغابايت كحد أقصى)",
  "sideEvents.after.upload": "رفع",
  "sideEvents.photos.title": "صور المتحدثين",
  "sideEvents.photos.intro":
    "لا تظهر الصورة في صفحة الحدث العامة إلا إذا وافق المتحدث على النشر، ولا تظهر أبدًا لمتحدث محمي. يزيل Convene من الصورة كل البيانات الوصفية (EXIF والموقع).",
  "sideEvents.photos.protected":
    "متحدث محمي: لا تُعرض الصورة أبدًا للجمهور ولا للمنظِّمين المشاركين ولا للمراجعين.",
  "sideEvents.photos.none": "لا توجد صورة.",
  "sideEvents.photos.file": "صورة (JPEG أو PNG أو WebP، 5 ميغابايت كحد أقصى)",
  "sideEvents.photos.upload": "رفع الصورة",
  "error.SIDE_EVENT_NOT_HELD_YET": "لم يُعقد الحدث بعد: يأتي الحضور والتقرير والمواد بعده.",
  "error.SIDE_EVENT_FILE_INVALID": "هذا الملف ليس وثيقة PDF (يقرأ Convene محتواه لا اسمه).",
  "error.SIDE_EVENT_FILE_LIMIT": "لهذا الحدث بالفعل العدد الأقصى المسموح به من الوثائق (10).",
};

export const afterRu: Record<Key, string> = {
  "sideEvents.programme.pages": "Страницы программы",
  "sideEvents.programme.count": "Параллельных мероприятий: {total} · страница {page} из {pages}",
  "sideEvents.programme.previous": "Предыдущая страница",
  "sideEvents.programme.next": "Следующая страница",
  "sideEvents.link.after": "После мероприятия: посещаемость, отчёт и материалы",
  "sideEvents.link.photos": "Фотографии участников",
  "sideEvents.after.title": "После мероприятия",
  "sideEvents.after.attendance": "Посещаемость",
  "sideEvents.after.byGender": "Посещаемость по полу (необязательно)",
  "sideEvents.after.report": "Краткий отчёт",
  "sideEvents.after.save": "Сохранить посещаемость и отчёт",
  "sideEvents.after.materials": "Материалы (PDF)",
  "sideEvents.after.materialTitle": "Название документа",
  "sideEvents.after.file": "Файл PDF (не более 10 МБ)",
  "sideEvents.after.upload": "Загрузить",
  "sideEvents.photos.title": "Фотографии участников",
  "sideEvents.photos.intro":
    "Фотография показывается на публичной странице, только если участник согласился на публикацию, и никогда — для защищённого участника. Convene удаляет из изображения все метаданные (EXIF, местоположение).",
  "sideEvents.photos.protected":
    "Защищённый участник: фотография никогда не показывается публике, соорганизаторам и рецензентам.",
  "sideEvents.photos.none": "Фотографии нет.",
  "sideEvents.photos.file": "Фотография (JPEG, PNG или WebP, не более 5 МБ)",
  "sideEvents.photos.upload": "Загрузить фотографию",
  "error.SIDE_EVENT_NOT_HELD_YET":
    "Мероприятие ещё не состоялось: посещаемость, отчёт и материалы — после него.",
  "error.SIDE_EVENT_FILE_INVALID":
    "Этот файл не является документом PDF (Convene читает содержимое, а не имя).",
  "error.SIDE_EVENT_FILE_LIMIT": "У этого мероприятия уже максимальное число документов (10).",
};

export const afterZh: Record<Key, string> = {
  "sideEvents.programme.pages": "节目单分页",
  "sideEvents.programme.count": "共 {total} 场会外活动 · 第 {page} 页，共 {pages} 页",
  "sideEvents.programme.previous": "上一页",
  "sideEvents.programme.next": "下一页",
  "sideEvents.link.after": "活动之后：出席人数、报告和材料",
  "sideEvents.link.photos": "小组成员照片",
  "sideEvents.after.title": "活动之后",
  "sideEvents.after.attendance": "出席人数",
  "sideEvents.after.byGender": "按性别的出席人数（可选）",
  "sideEvents.after.report": "简短报告",
  "sideEvents.after.save": "保存出席人数和报告",
  "sideEvents.after.materials": "材料（PDF）",
  "sideEvents.after.materialTitle": "文件标题",
  "sideEvents.after.file": "PDF 文件（不超过 10 MB）",
  "sideEvents.after.upload": "上传",
  "sideEvents.photos.title": "小组成员照片",
  "sideEvents.photos.intro":
    "只有小组成员同意公开时，照片才会显示在公开的活动页面上；受保护的小组成员的照片永不显示。Convene 会删除图片中的所有元数据（EXIF、位置）。",
  "sideEvents.photos.protected": "受保护的小组成员：照片永不向公众、联合主办方或评审员显示。",
  "sideEvents.photos.none": "没有照片。",
  "sideEvents.photos.file": "照片（JPEG、PNG 或 WebP，不超过 5 MB）",
  "sideEvents.photos.upload": "上传照片",
  "error.SIDE_EVENT_NOT_HELD_YET": "活动尚未举行：出席人数、报告和材料在活动之后提交。",
  "error.SIDE_EVENT_FILE_INVALID": "此文件不是 PDF 文档（Convene 读取其内容，而非文件名）。",
  "error.SIDE_EVENT_FILE_LIMIT": "此活动的文件已达上限（10 份）。",
};
