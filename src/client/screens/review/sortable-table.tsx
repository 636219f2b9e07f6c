// A sortable table for the desk (issue #20): column headers are buttons that sort (aria-sort says
// the order to screen readers), the header row sticks while the table scrolls, and the table sits
// in its own keyboard-reachable scroll region so a narrow phone never scrolls the whole page sideways.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useI18n } from "../../i18n/i18n";

export interface SortColumn<R> {
  id: string;
  label: string;
  /** The sort key; columns without one do not sort. */
  sortValue?: (row: R) => string | number;
  render: (row: R) => ComponentChildren;
  numeric?: boolean;
}

interface Props<R> {
  label: string;
  columns: SortColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  rowProps?: (row: R) => Record<string, string>;
  initialSort?: { id: string; dir: "asc" | "desc" };
  testId?: string;
}

export function SortableTable<R>({ label, columns, rows, rowKey, rowProps, initialSort, testId }: Props<R>) {
  const { t, language } = useI18n();
  const [sort, setSort] = useState(initialSort ?? null);
  const column = columns.find((c) => c.id === sort?.id);
  const sorted = [...rows];
  if (column?.sortValue && sort) {
    const key = column.sortValue;
    const collator = new Intl.Collator(language === "en" ? "en" : "id", { numeric: true });
    sorted.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order =
        typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return sort.dir === "asc" ? order : -order;
    });
  }
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
    <section class="review-scroll" tabIndex={0} aria-label={label}>
      <table class="review-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.id === c.id;
              return (
                <th
                  key={c.id}
                  scope="col"
                  class={c.numeric ? "num" : undefined}
                  aria-sort={active ? (sort?.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      class="sort"
                      title={t("deskSortBy", { column: c.label })}
                      onClick={() =>
                        setSort({ id: c.id, dir: active && sort?.dir === "asc" ? "desc" : "asc" })
                      }
                    >
                      {c.label}
                      <span aria-hidden="true">{active ? (sort?.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} {...(rowProps?.(row) ?? {})}>
              {columns.map((c) => (
                <td key={c.id} class={c.numeric ? "num" : undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
