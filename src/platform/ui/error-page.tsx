/** The page a browser sees for any error: the message in its language and the request reference. */
import type { Problem } from "../http.js";
import { usePage } from "./page-context.js";

export function ErrorPage(props: { problem: Problem }) {
  const { t } = usePage();
  return (
    <section class="error-page">
      <h1>{props.problem.title}</h1>
      {props.problem.errors && (
        <ul>
          {props.problem.errors.map((e) => (
            <li>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <p class="muted">{t("error.requestId", { id: props.problem.requestId })}</p>
      <p>
        <a href="/">{t("error.back")}</a>
      </p>
    </section>
  );
}
