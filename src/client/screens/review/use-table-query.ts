// A desk table's sort and filters, kept in the URL query (issue #20): a supervisor who sorts the
// ranking by score and filters it to one pemda can copy the address and a colleague opens the same
// view. The address is replaced, not pushed, so each keystroke of a filter does not add a step to
// the browser's Back. The pure reading and writing live in table-view.ts.
import { useState } from "preact/hooks";
import { readTableQuery, type SortState, type TableQuery, writeTableQuery } from "./table-view";

export interface TableQueryState {
  sort: SortState | null;
  filters: Record<string, string>;
  setSort: (sort: SortState) => void;
  setFilter: (key: string, value: string) => void;
}

export function useTableQuery(
  prefix: string,
  filterKeys: readonly string[],
  sortIds: readonly string[],
  initialSort: SortState | null = null,
): TableQueryState {
  const [state, setState] = useState<TableQuery>(() => {
    const read = readTableQuery(window.location.search, prefix, filterKeys, sortIds);
    return { sort: read.sort ?? initialSort, filters: read.filters };
  });
  const store = (next: TableQuery) => {
    setState(next);
    const { pathname, search, hash } = window.location;
    const query = writeTableQuery(search, prefix, next);
    if (query !== search) window.history.replaceState(window.history.state, "", `${pathname}${query}${hash}`);
  };
  return {
    sort: state.sort,
    filters: state.filters,
    setSort: (sort) => store({ ...state, sort }),
    setFilter: (key, value) => store({ ...state, filters: { ...state.filters, [key]: value } }),
  };
}
