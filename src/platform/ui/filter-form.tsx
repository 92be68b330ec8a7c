/**
 * The filters above a list: a GET form (it works without JavaScript and its address can be shared)
 * of selects whose first choice is "any", and free-text filters, each keeping the current value.
 */
import { SelectField, TextField } from "./forms.js";

export interface Filter {
  name: string;
  label: string;
  /** the choices of a select; without them the filter is free text */
  options?: Array<{ value: string; label: string }>;
  hint?: string;
  /** of a free-text filter */
  type?: "text" | "search";
  maxLength?: number;
}

/** The filters' fields alone, for a filter form laid out differently (the directory's). */
export function FilterFields(props: {
  filters: Filter[];
  values: Readonly<Record<string, unknown>>;
  /** the label of a select's empty choice ("All", "Any") */
  anyLabel: string;
}) {
  const current = (name: string) => {
    const v = props.values[name];
    return typeof v === "string" ? v : undefined;
  };
  return (
    <>
      {props.filters.map((f) =>
        f.options ? (
          <SelectField
            name={f.name}
            label={f.label}
            hint={f.hint}
            value={current(f.name)}
            emptyLabel={props.anyLabel}
            options={f.options}
          />
        ) : (
          <TextField
            name={f.name}
            type={f.type}
            label={f.label}
            hint={f.hint}
            value={current(f.name)}
            maxLength={f.maxLength}
          />
        ),
      )}
    </>
  );
}

export function FilterForm(props: {
  action: string;
  filters: Filter[];
  values: Readonly<Record<string, unknown>>;
  anyLabel: string;
  submitLabel: string;
}) {
  return (
    <form method="get" action={props.action} class="filters">
      <FilterFields filters={props.filters} values={props.values} anyLabel={props.anyLabel} />
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}
