/**
 * The directory of organisations: a GET form of filters that works without JavaScript, result
 * cards and pagination. Its inner HTML does not depend on who asks, so the routes cache it per
 * language and query.
 */
import { FilterFields } from "../../platform/ui/filter-form.js";
import { optionsOf } from "../../platform/ui/forms.js";
import { Pagination } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { countryName, regionalGroupName, regionalGroups } from "./geography.js";
import { extraAcronym, groupName, Raw, VerifiedBadge } from "./organisations.pages.js";
import {
  type DirectoryPage,
  type DirectoryQuery,
  ecosocStatuses,
  kinds,
  type OrganisationSummary,
} from "./organisations.schemas.js";
import { countriesIn, regionsIn } from "./organisations.service.js";
import { fieldOfWorkLabel, fieldOfWorkOptions } from "./taxonomy.js";

export function directoryHref(query: Partial<DirectoryQuery>, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page: page ?? query.page })) {
    if (value === undefined || key === "lang" || key === "pageSize") continue;
    if (key === "page" && value === 1) continue;
    params.set(key, String(value));
  }
  if (query.pageSize && query.pageSize !== 24) params.set("pageSize", String(query.pageSize));
  const search = params.toString();
  return search ? `/organisations?${search}` : "/organisations";
}

function Card(props: { org: OrganisationSummary }) {
  const { t, lang } = usePage();
  const { org } = props;
  return (
    <li class="card">
      <h3>
        <a href={`/organisations/${org.slug}`}>{org.name}</a>
      </h3>
      {extraAcronym(org) && <p class="muted">{org.acronym}</p>}
      {(org.verified || org.kind === "coalition") && (
        <p>
          {org.verified && <VerifiedBadge />}{" "}
          {org.kind === "coalition" && <span class="badge">{t("org.kind.coalition")}</span>}
        </p>
      )}
      <p>
        {countryName(org.country, lang)} · {groupName(org.regionalGroup, lang)}
      </p>
      {org.fieldsOfWork.length > 0 && (
        <p>
          {org.fieldsOfWork.map((code) => (
            <>
              <span class="badge">{fieldOfWorkLabel(code, lang)}</span>{" "}
            </>
          ))}
        </p>
      )}
    </li>
  );
}

export interface FilterOptions {
  coalitions: Array<{ slug: string; name: string }>;
  /** countries where an organisation is based: a filter that cannot find anything is not offered */
  countries: string[];
}

export function DirectoryFilters(props: { query: DirectoryQuery; options: FilterOptions }) {
  const { t, lang } = usePage();
  const { query, options } = props;
  const inUse = new Set(options.countries);
  if (query.country) inUse.add(query.country);
  return (
    <form method="get" action="/organisations" class="stacked">
      <h2>{t("org.filters.title")}</h2>
      <FilterFields
        values={query}
        anyLabel={t("common.any")}
        filters={[
          { name: "q", type: "search", label: t("org.filters.q"), hint: t("org.filters.qHint") },
          {
            name: "country",
            label: t("org.filters.country"),
            options: countriesIn(lang)
              .filter((c) => inUse.has(c.code))
              .map((c) => ({ value: c.code, label: c.name })),
          },
          {
            name: "regionalGroup",
            label: t("org.filters.regionalGroup"),
            options: optionsOf(regionalGroups, (g) => regionalGroupName(g, lang)),
          },
          { name: "region", label: t("org.filters.region"), options: regionsIn(lang) },
          { name: "field", label: t("org.filters.field"), options: fieldOfWorkOptions(lang) },
          {
            name: "ecosocStatus",
            label: t("org.filters.ecosocStatus"),
            options: optionsOf(ecosocStatuses, (s) => t(`org.ecosoc.${s}`)),
          },
          {
            name: "kind",
            label: t("org.filters.kind"),
            options: optionsOf(kinds, (k) => t(`org.kind.${k}`)),
          },
          ...(options.coalitions.length > 0
            ? [
                {
                  name: "coalition",
                  label: t("org.filters.coalition"),
                  options: options.coalitions.map((c) => ({ value: c.slug, label: c.name })),
                },
              ]
            : []),
        ]}
      />
      <div class="field">
        <label>
          <input type="checkbox" name="verified" value="true" checked={query.verified === true} />{" "}
          {t("org.filters.verified")}
        </label>
      </div>
      <p>
        <button type="submit">{t("org.filters.apply")}</button>{" "}
        <a href="/organisations">{t("org.filters.reset")}</a>
      </p>
    </form>
  );
}

/** The directory below its title: filters and results. Cached per language and query. */
export function DirectoryBody(props: { query: DirectoryQuery; data: DirectoryPage; options: FilterOptions }) {
  const { t } = usePage();
  const { data, query } = props;
  return (
    <div class="layout-with-filters">
      <aside>
        <DirectoryFilters query={query} options={props.options} />
      </aside>
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t("org.directory.count", { total: data.total })}</h2>
        {data.items.length === 0 ? (
          <p>{t("org.directory.empty")}</p>
        ) : (
          <ul class="cards">
            {data.items.map((org) => (
              <Card org={org} />
            ))}
          </ul>
        )}
        <Pagination
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          href={(page) => directoryHref(query, page)}
        />
      </section>
    </div>
  );
}

export function DirectoryPageView(props: { body: string }) {
  const { t } = usePage();
  return (
    <section>
      <h1>{t("org.directory.title")}</h1>
      <p class="lead">{t("org.directory.lead")}</p>
      <p>
        <a class="button" href="/organisations/new">
          {t("org.directory.create")}
        </a>
      </p>
      <Raw html={props.body} />
    </section>
  );
}
