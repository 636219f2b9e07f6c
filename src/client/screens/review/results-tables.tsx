// The two tables of a period's results (issue #20): the pemda ranking and one pemda's units, each
// sortable by its column headers and filtered by name (and by predicate or unit status), with the
// state in the URL so a shared link opens the same view. The rank shown is always the period's
// ranking (rankPemda), whatever order the table is sorted in.

import type { Instrument } from "../../../domain/instrument/types";
import type { PemdaResult, SchemeSummary } from "../../api/review-api";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { UnitChart } from "./results-chart";
import { FilterSelect, FilterShown, FilterText, SortableTable, type SortColumn } from "./sortable-table";
import { filterRows } from "./table-view";
import { useTableQuery } from "./use-table-query";
import { formatScore, localText, STATUS_KEYS, UNIT_STATUSES, zoneClass } from "./words";

type Ranked = PemdaResult & { rank: number };
type UnitResult = PemdaResult["units"][number];

const predicateOf = (p: PemdaResult) => p.band?.predicate ?? p.band?.label ?? null;

export function RankingTable({ ranked, scheme }: { ranked: PemdaResult[]; scheme: SchemeSummary }) {
  const { t, language } = useI18n();
  const rows: Ranked[] = ranked.map((p, i) => ({ ...p, rank: i + 1 }));
  const columns: SortColumn<Ranked>[] = [
    {
      id: "peringkat",
      label: t("reviewRank"),
      numeric: true,
      sortValue: (p) => p.rank,
      render: (p) => p.rank,
    },
    {
      id: "pemda",
      label: t("reviewFilterPemda"),
      rowHeader: true,
      sortValue: (p) => p.name,
      render: (p) => p.name,
    },
    {
      id: "nilai",
      label: t("reviewScore"),
      numeric: true,
      firstDir: "desc",
      sortValue: (p) => p.score,
      cellProps: () => ({ "data-testid": "pemda-score" }),
      render: (p) => (p.score === null ? t("reviewNoScore") : formatScore(p.score, language)),
    },
    {
      id: "kategori",
      label: t("reviewCategory"),
      sortValue: (p) => p.band?.category ?? null,
      render: (p) => p.band?.category ?? "—",
    },
    {
      id: "predikat",
      label: scheme.hasZones ? t("reviewOpini") : t("raporPredicate"),
      sortValue: predicateOf,
      cellProps: () => ({ "data-testid": "pemda-predicate" }),
      render: (p) => predicateOf(p) ?? "—",
    },
    ...(scheme.hasZones
      ? [
          {
            id: "zona",
            label: t("reviewZone"),
            sortValue: (p: Ranked) => p.band?.zone ?? null,
            render: (p: Ranked) =>
              p.band?.zone ? <span class={`review-zone ${zoneClass(p.band.zone)}`}>{p.band.zone}</span> : "—",
          },
        ]
      : []),
    {
      id: "final",
      label: t("reviewFinal"),
      sortValue: (p) => (p.final ? 1 : 0),
      cellProps: () => ({ "data-testid": "pemda-final" }),
      render: (p) => t(p.final ? "reviewFinal" : "reviewProvisional"),
    },
    {
      id: "rapor",
      label: t("reviewRapor"),
      render: (p) => (
        <Link href={`/hasil/rapor/${p.pemdaId}`}>
          {t("reviewRapor")} <span class="visually-hidden">{p.name}</span>
        </Link>
      ),
    },
  ];
  const view = useTableQuery(
    "",
    ["cari", "predikat"],
    columns.map((c) => c.id),
  );
  const predicates = [...new Set(rows.map(predicateOf).filter((x): x is string => x !== null))];
  const shown = filterRows(rows, view.filters.cari ?? "", (p) => p.name).filter(
    (p) => !view.filters.predikat || predicateOf(p) === view.filters.predikat,
  );
  return (
    <>
      <div class="review-filters">
        <FilterText
          id="results-search"
          label={t("tableFilterPemda")}
          value={view.filters.cari ?? ""}
          onInput={(v) => view.setFilter("cari", v)}
        />
        {predicates.length > 1 && (
          <FilterSelect
            id="results-predicate"
            label={scheme.hasZones ? t("reviewOpini") : t("tableFilterPredicate")}
            value={view.filters.predikat ?? ""}
            options={predicates.map((p) => [p, p] as const)}
            onChange={(v) => view.setFilter("predikat", v)}
          />
        )}
      </div>
      <FilterShown shown={shown.length} total={rows.length} />
      <SortableTable
        label={t("reviewRanking")}
        testId="results-table"
        columns={columns}
        rows={shown}
        rowKey={(p) => p.pemdaId}
        rowProps={(p) => ({
          "data-testid": "results-pemda",
          "data-pemda": p.name,
          "data-final": String(p.final),
        })}
        sort={view.sort}
        onSort={view.setSort}
      />
    </>
  );
}

/** One pemda's units: the pemda chosen (kept in the link), its chart and its table. */
export function UnitsSection({
  ranked,
  instrument,
  scheme,
}: {
  ranked: PemdaResult[];
  instrument: Instrument;
  scheme: SchemeSummary;
}) {
  const { t, language } = useI18n();
  const points = (u: UnitResult, id: string) => u.dimensions.find((x) => x.id === id)?.points ?? null;
  const columns: SortColumn<UnitResult>[] = [
    { id: "unit", label: t("reviewUnit"), rowHeader: true, sortValue: (u) => u.name, render: (u) => u.name },
    {
      id: "status",
      label: t("reviewFilterStatus"),
      sortValue: (u) => UNIT_STATUSES.indexOf(u.status),
      render: (u) => t(STATUS_KEYS[u.status]),
    },
    ...instrument.dimensions.map(
      (d): SortColumn<UnitResult> => ({
        id: `dim-${d.id}`,
        label: localText(d.name, language),
        numeric: true,
        firstDir: "desc",
        sortValue: (u) => points(u, d.id),
        render: (u) => formatScore(points(u, d.id), language),
      }),
    ),
    {
      id: "nilai",
      label: t("reviewScore"),
      numeric: true,
      firstDir: "desc",
      sortValue: (u) => u.score,
      cellProps: () => ({ "data-testid": "unit-score" }),
      render: (u) => formatScore(u.score, language),
    },
    ...(scheme.hasUnitLabels
      ? [
          {
            id: "predikat",
            label: t("raporPredicate"),
            sortValue: (u: UnitResult) => u.unitBand?.label ?? null,
            render: (u: UnitResult) => u.unitBand?.label ?? "—",
          },
        ]
      : []),
  ];
  const view = useTableQuery(
    "unit-",
    ["pemda", "cari", "status"],
    columns.map((c) => c.id),
  );
  const pemda = ranked.find((p) => p.pemdaId === view.filters.pemda) ?? ranked[0];
  if (!pemda) return null;
  const shown = filterRows(pemda.units, view.filters.cari ?? "", (u) => u.name).filter(
    (u) => !view.filters.status || u.status === view.filters.status,
  );
  return (
    <>
      <div class="field">
        <label for="chart-pemda">{t("reviewChartPemdaPick")}</label>
        <select
          id="chart-pemda"
          value={pemda.pemdaId}
          onChange={(e) => view.setFilter("pemda", e.currentTarget.value)}
        >
          {ranked.map((p) => (
            <option key={p.pemdaId} value={p.pemdaId}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <UnitChart pemda={pemda} instrument={instrument} />
      <div class="review-filters">
        <FilterText
          id="units-search"
          label={t("tableFilterUnit")}
          value={view.filters.cari ?? ""}
          onInput={(v) => view.setFilter("cari", v)}
        />
        <FilterSelect
          id="units-status"
          label={t("reviewFilterStatus")}
          value={view.filters.status ?? ""}
          options={UNIT_STATUSES.map((s) => [s, t(STATUS_KEYS[s])] as const)}
          onChange={(v) => view.setFilter("status", v)}
        />
      </div>
      <FilterShown shown={shown.length} total={pemda.units.length} />
      <SortableTable
        label={t("reviewUnitsTable")}
        testId="units-table"
        columns={columns}
        rows={shown}
        rowKey={(u) => u.unitId}
        rowProps={(u) => ({ "data-testid": "results-unit", "data-unit": u.name, "data-status": u.status })}
        sort={view.sort}
        onSort={view.setSort}
      />
    </>
  );
}
