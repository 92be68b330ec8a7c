/**
 * A list shown as a table: column headers (th scope="col"), an optional caption, one row per item,
 * and, when there is nothing to list, a sentence saying so instead of an empty table. The table
 * scrolls sideways on a narrow screen rather than overflowing the page.
 */
import type { ComponentChildren } from "preact";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
}

export function ListTable<Row>(props: {
  rows: readonly Row[];
  columns: ReadonlyArray<Column<Row>>;
  caption?: string;
  /** said instead of the table when there are no rows (without it, the empty table is shown) */
  empty?: string;
  /** an id per row, for links to one row (#application-…) */
  rowId?: (row: Row) => string;
}) {
  if (props.rows.length === 0 && props.empty !== undefined) return <p class="muted">{props.empty}</p>;
  return (
    <div class="table-wrap">
      <table>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col">{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr id={props.rowId?.(row)}>
              {props.columns.map((c) => (
                <td>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
