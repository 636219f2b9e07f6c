// A sortable table for the desk (issue #20): column headers are buttons that sort (aria-sort says
// the order to screen readers), the header row sticks while the table scrolls, and the table sits
// in its own keyboard-reachable scroll region so a narrow phone never scrolls the whole page sideways.
// The ordering is table-view.ts's (numbers as numbers, empty values last); a screen that keeps the
// order in the URL passes `sort` and `onSort`, otherwise the table keeps it itself.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useI18n } from "../../i18n/i18n";
import { ariaSort, nextSort, type SortState, type SortValue, sortRows } from "./table-view";

export interface SortColumn<R> {
  id: string;
  label: string;
  /** The sort key; columns without one do not sort. Numbers sort as numbers, null last. */
  sortValue?: (row: R) => SortValue;
  /** The first direction when this column is pressed (scores: highest first). */
  firstDir?: "asc" | "desc";
  render: (row: R) => ComponentChildren;
  numeric?: boolean;
  /** The row's header cell (<th scope="row">), e.g. the pemda or unit name. */
  rowHeader?: boolean;
  /** Cell attributes (test ids, data-*) */
  cellProps?: (row: R) => Record<string, string>;
}

interface Props<R> {
  label: string;
  columns: SortColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  rowProps?: (row: R) => Record<string, string>;
  initialSort?: SortState;
  sort?: SortState | null;
  onSort?: (sort: SortState) => void;
  testId?: string;
  labelledBy?: string;
}

export function SortableTable<R>(props: Props<R>) {
  const { label, columns, rows, rowKey, rowProps, initialSort, testId, labelledBy } = props;
  const { t, language } = useI18n();
  const [own, setOwn] = useState<SortState | null>(initialSort ?? null);
  const sort = props.onSort ? (props.sort ?? null) : own;
  const setSort = props.onSort ?? setOwn;
  const column = columns.find((c) => c.id === sort?.id);
  const key = column?.sortValue;
  const sorted = key && sort ? sortRows(rows, key, sort.dir, language === "en" ? "en" : "id") : rows;
  return (
    <section
      class="review-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
      tabIndex={0}
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
    >
      <table class="review-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                class={c.numeric ? "num" : undefined}
                aria-sort={ariaSort(sort, c.id)}
                data-column={c.id}
              >
                {c.sortValue ? (
                  <button
                    type="button"
                    class="sort"
                    title={t("deskSortBy", { column: c.label })}
                    onClick={() => setSort(nextSort(sort, c.id, c.firstDir))}
                  >
                    {c.label}
                    <span aria-hidden="true">
                      {/* a no-break space keeps the arrow beside the last word of the label */}
                      {sort?.id === c.id ? (sort.dir === "asc" ? "\u00a0▲" : "\u00a0▼") : "\u00a0↕"}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} {...(rowProps?.(row) ?? {})}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.id} scope="row" {...(c.cellProps?.(row) ?? {})}>
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.id} class={c.numeric ? "num" : undefined} {...(c.cellProps?.(row) ?? {})}>
                    {c.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The text filter above a table: a labelled search box. */
export function FilterText({
  id,
  label,
  value,
  onInput,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={value}
        autoComplete="off"
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** A choice filter above a table ("" = all). */
export function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t("reviewFilterAll")}</option>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "3 dari 12 ditampilkan" under filters that hide rows; nothing when all are shown. */
export function FilterShown({ shown, total }: { shown: number; total: number }) {
  const { t } = useI18n();
  if (shown === total) return null;
  return (
    <p class="review-muted" role="status" data-testid="table-shown">
      {shown === 0 ? t("tableNoMatch") : t("tableShown", { shown: String(shown), total: String(total) })}
    </p>
  );
}
