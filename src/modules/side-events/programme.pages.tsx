/** The programme's pager: the count, and previous and next pages keeping the filters. */
import { formatNumber } from "../../platform/i18n/translate.js";
import { usePage } from "../../platform/ui/page-context.js";

export function ProgrammePager(props: {
  slug: string;
  filter: Record<string, string | undefined>;
  page: number;
  pages: number;
  total: number;
}) {
  const { t, lang } = usePage();
  const href = (page: number) => {
    const q = new URLSearchParams(
      Object.entries(props.filter).flatMap(([k, v]) => (v !== undefined && v !== "" ? [[k, v]] : [])),
    );
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return `/sessions/${props.slug}/programme${s ? `?${s}` : ""}`;
  };
  return (
    <nav aria-label={t("sideEvents.programme.pages")} class="pager">
      <p>
        {t("sideEvents.programme.count", {
          total: formatNumber(lang, props.total),
          page: formatNumber(lang, props.page),
          pages: formatNumber(lang, props.pages),
        })}
      </p>
      {props.pages > 1 && (
        <p>
          {props.page > 1 && (
            <a href={href(props.page - 1)} rel="prev">
              {t("sideEvents.programme.previous")}
            </a>
          )}
          {props.page > 1 && props.page < props.pages && " · "}
          {props.page < props.pages && (
            <a href={href(props.page + 1)} rel="next">
              {t("sideEvents.programme.next")}
            </a>
          )}
        </p>
      )}
    </nav>
  );
}
