/**
 * Buttons that do something at once (remove, accept, decline): each posts a small form of its own
 * with the CSRF field, so they work without JavaScript and can stand inside a table cell or a line.
 */
import { CsrfField } from "./layout.js";

export interface Choice {
  value: string;
  label: string;
  /** "secondary" for the less usual answer, "danger" for one that removes or ends something */
  kind?: "secondary" | "danger";
}

/** One button posting to `action`, with any hidden fields it needs. */
export function PostButton(props: {
  action: string;
  label: string;
  danger?: boolean;
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.danger ? "danger" : undefined}>
        {props.label}
      </button>
    </form>
  );
}

/** The answers to one question, as submit buttons sending `name` with the value of the one pressed. */
export function ChoiceButtons(props: { name: string; choices: Choice[] }) {
  return (
    <>
      {props.choices.map((c, i) => (
        <>
          {i > 0 && " "}
          <button type="submit" name={props.name} value={c.value} class={c.kind}>
            {c.label}
          </button>
        </>
      ))}
    </>
  );
}

/** A one-line form posting one of several answers to `action` (confirm or decline, consent or not). */
export function AnswerButtons(props: { action: string; name: string; choices: Choice[] }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField />
      <ChoiceButtons name={props.name} choices={props.choices} />
    </form>
  );
}
