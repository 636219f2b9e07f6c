// Lookup tables over a parsed instrument (indicator by id, indicators in instrument order) and one
// compiled answer interpreter per indicator. Cached per instrument object: instruments are treated
// as immutable values (a new version is a new object), which is what makes scoring cheap to repeat.
import { describeType } from "../common/validate";
import type { Dimension, Indicator, Instrument, Scale, Variable } from "./types";

/** What one stored answer value means for scoring. */
export type Interpretation =
  | { readonly status: "scored" /** normalised, 0..1 */; readonly value: number }
  | { readonly status: "excluded" } // na, no_answer: answered, but no value
  | { readonly status: "empty" } // null / absent: not answered
  | { readonly status: "invalid"; readonly reason: string };

export interface IndicatorEntry {
  readonly indicator: Indicator;
  readonly dimension: Dimension;
  readonly variable: Variable;
  readonly scale: Scale;
  /** 0-based position in instrument order. */
  readonly position: number;
  readonly interpret: (value: unknown) => Interpretation;
}

export interface InstrumentIndex {
  readonly byId: ReadonlyMap<string, IndicatorEntry>;
  readonly ordered: readonly IndicatorEntry[];
}

const EMPTY: Interpretation = { status: "empty" };
const EXCLUDED: Interpretation = { status: "excluded" };
const cache = new WeakMap<Instrument, InstrumentIndex>();

export function indexInstrument(instrument: Instrument): InstrumentIndex {
  const cached = cache.get(instrument);
  if (cached !== undefined) return cached;
  const byId = new Map<string, IndicatorEntry>();
  const ordered: IndicatorEntry[] = [];
  for (const dimension of instrument.dimensions) {
    for (const variable of dimension.variables) {
      for (const indicator of variable.indicators) {
        const scale = Object.hasOwn(instrument.scales, indicator.answer)
          ? instrument.scales[indicator.answer]
          : undefined;
        // parseInstrument guarantees the scale exists; a hand-built instrument without it gets a
        // scale that rejects every answer rather than a crash.
        const safeScale: Scale = scale ?? { kind: "options", max: 1, options: [] };
        const entry: IndicatorEntry = {
          indicator,
          dimension,
          variable,
          scale: safeScale,
          position: ordered.length,
          interpret: compileInterpreter(indicator, safeScale),
        };
        ordered.push(entry);
        byId.set(indicator.id, entry);
      }
    }
  }
  const index = { byId, ordered };
  cache.set(instrument, index);
  return index;
}

export function indicatorById(instrument: Instrument, id: string): IndicatorEntry | undefined {
  return indexInstrument(instrument).byId.get(id);
}

export function orderedIndicators(instrument: Instrument): readonly IndicatorEntry[] {
  return indexInstrument(instrument).ordered;
}

function compileInterpreter(indicator: Indicator, scale: Scale): (value: unknown) => Interpretation {
  if (scale.kind === "checklist") {
    const known = new Set((indicator.subitems ?? []).map((s) => s.id));
    const total = known.size;
    return (value) => {
      if (value === null || value === undefined) return EMPTY;
      if (!Array.isArray(value)) {
        return {
          status: "invalid",
          reason: `a checklist answer is an array of sub-item ids, not ${describeType(value)}`,
        };
      }
      const seen = new Set<string>();
      for (const item of value) {
        if (typeof item !== "string" || !known.has(item)) {
          return { status: "invalid", reason: `${describeType(item)} is not a sub-item of ${indicator.id}` };
        }
        if (seen.has(item)) return { status: "invalid", reason: `sub-item "${item}" is ticked twice` };
        seen.add(item);
      }
      return total === 0
        ? { status: "invalid", reason: "checklist has no sub-items" }
        : { status: "scored", value: seen.size / total };
    };
  }
  const coded = scale.options.some((o) => o.code !== undefined);
  const table = new Map<string | number, Interpretation>();
  for (const option of scale.options) {
    // An uncoded option can only be chosen by its number; one without a number is unreachable.
    if (!coded && option.value === null) continue;
    const meaning: Interpretation =
      option.value === null ? EXCLUDED : { status: "scored", value: option.value / scale.max };
    table.set(coded ? (option.code ?? "") : (option.value ?? 0), meaning);
  }
  const choices = [...table.keys()].map((k) => JSON.stringify(k)).join(", ");
  return (value) => {
    if (value === null || value === undefined) return EMPTY;
    let meaning: Interpretation | undefined;
    if (coded && typeof value === "string") meaning = table.get(value);
    else if (!coded && typeof value === "number") meaning = table.get(value);
    if (meaning !== undefined) return meaning;
    return {
      status: "invalid",
      reason: `${describeType(value)} is not an option of ${indicator.answer} (expected one of ${choices})`,
    };
  };
}
