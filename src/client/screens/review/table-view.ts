// The one sort-and-filter helper of the desk's tables (issue #20): queue, period results (pemda
// ranking and units), national ranking and progress all sort and filter through these functions,
// and keep their state in the URL query so a supervisor can send a link that opens the same view.
// Pure: no DOM. Invariants: numbers sort as numbers (never as their Indonesian text "1.234,5"),
// rows without a value ("—") sort last in both directions, and equal rows keep their given order.

export type SortDir = "asc" | "desc";
export interface SortState {
  id: string;
  dir: SortDir;
}
export type SortValue = string | number | null | undefined;

/** Query words of the direction: the link a supervisor shares reads in Indonesian. */
const DIR_WORDS: Record<SortDir, string> = { asc: "naik", desc: "turun" };

function isEmpty(v: SortValue): v is null | undefined | "" {
  return v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
}

/** Rows ordered by one key; the order of equal rows is kept; empty values last either way. */
export function sortRows<R>(
  rows: readonly R[],
  key: (row: R) => SortValue,
  dir: SortDir,
  locale: string,
): R[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: key(row) }))
    .sort((a, b) => {
      const emptyA = isEmpty(a.value);
      const emptyB = isEmpty(b.value);
      if (emptyA || emptyB) return emptyA === emptyB ? a.index - b.index : emptyA ? 1 : -1;
      const x = a.value as string | number;
      const y = b.value as string | number;
      const order =
        typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((e) => e.row);
}

/** Lower case without accents, so "cianjur" finds "Kab. Cianjur" and "sumbawa" finds "Sumbawa". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** Every word of the query appears somewhere in the row's text (an empty query matches all). */
export function matchesText(haystack: string, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = foldText(haystack);
  return words.every((w) => text.includes(w));
}

/** The rows whose text matches the query. */
export function filterRows<R>(rows: readonly R[], query: string, textOf: (row: R) => string): R[] {
  return query.trim() === "" ? [...rows] : rows.filter((r) => matchesText(textOf(r), query));
}

/** The next state when a column header is pressed: a new column starts at `first`, the same flips. */
export function nextSort(current: SortState | null, id: string, first: SortDir = "asc"): SortState {
  if (current?.id !== id) return { id, dir: first };
  return { id, dir: current.dir === "asc" ? "desc" : "asc" };
}

/** The value of aria-sort on a column header. */
export function ariaSort(current: SortState | null, id: string): "ascending" | "descending" | undefined {
  if (current?.id !== id) return undefined;
  return current.dir === "asc" ? "ascending" : "descending";
}

/**
 * A table's state in the query: `<prefix>urut` (column), `<prefix>arah` (naik | turun) and one
 * parameter per filter. `filters` names the filter keys; unknown or empty parameters are ignored.
 */
export interface TableQuery {
  sort: SortState | null;
  filters: Record<string, string>;
}

export function readTableQuery(
  search: string,
  prefix: string,
  filterKeys: readonly string[],
  sortIds: readonly string[],
): TableQuery {
  const params = new URLSearchParams(search);
  const id = params.get(`${prefix}urut`);
  const dirWord = params.get(`${prefix}arah`);
  const dir: SortDir = dirWord === DIR_WORDS.desc ? "desc" : "asc";
  const sort = id !== null && sortIds.includes(id) ? { id, dir } : null;
  const filters: Record<string, string> = {};
  for (const key of filterKeys) filters[key] = params.get(`${prefix}${key}`) ?? "";
  return { sort, filters };
}

/** The query text with this table's state written in (other parameters kept, empty ones dropped). */
export function writeTableQuery(search: string, prefix: string, state: TableQuery): string {
  const params = new URLSearchParams(search);
  const set = (name: string, value: string | undefined) => {
    if (value === undefined || value === "") params.delete(name);
    else params.set(name, value);
  };
  set(`${prefix}urut`, state.sort?.id);
  set(`${prefix}arah`, state.sort ? DIR_WORDS[state.sort.dir] : undefined);
  for (const [key, value] of Object.entries(state.filters))
    set(`${prefix}${key}`, value.trim() === "" ? "" : value);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
