// The sheet's outline, as pure functions of the instrument and the assessment (no DOM, no Preact):
// - sections: the groups whose children hold the questions (format 1: the dimensions, with their
//   variables; format 2: the parent of each leaf group of the tree, as the domain projects it in
//   instrument.dimensions, with the names of the groups above it as its path), so a v2 tree
//   instrument groups by its own structure, however deep;
// - the answer slots in the order the assessor meets them, by question or for one respondent;
// - "next unanswered" after a given item.
// The screen renders one section at a time from this, and the outline shows each one's progress.
import {
  type IndicatorEntry,
  type Instrument,
  isFormat2,
  type LocalText,
  orderedIndicators,
  walkGroups,
} from "../../../domain";
import { baseKeyOf, instancesOf, type StateLike, slotsOf } from "./model";
import { cardInstances } from "./role-instances";

export interface OutlineGroup {
  readonly id: string;
  readonly name: LocalText;
  /** The indicators of the group, in instrument order. */
  readonly entries: readonly IndicatorEntry[];
}

export interface OutlineSection {
  readonly id: string;
  readonly name: LocalText;
  /** Format 2: the names of the groups above this one, from the top (empty for format 1). */
  readonly path: readonly LocalText[];
  /** Sub-groups in order; a top-level group holding indicators itself is its own only group. */
  readonly groups: readonly OutlineGroup[];
  /** Every indicator of the section, in instrument order. */
  readonly entries: readonly IndicatorEntry[];
}

const cache = new WeakMap<Instrument, readonly OutlineSection[]>();

/** Sections of the sheet. Cached per instrument object (instruments are immutable values). */
export function outlineOf(instrument: Instrument): readonly OutlineSection[] {
  const cached = cache.get(instrument);
  if (cached) return cached;
  const sections = sectionsOf(instrument);
  cache.set(instrument, sections);
  return sections;
}

function sectionsOf(instrument: Instrument): OutlineSection[] {
  const all = orderedIndicators(instrument);
  // Format 2: each group's ancestors, by id (the projection keeps the group ids).
  const ancestors = new Map<string, LocalText[]>();
  if (isFormat2(instrument)) {
    const byId = new Map<string, LocalText[]>();
    for (const step of walkGroups(instrument.groups)) {
      const above = step.parent ? [...(byId.get(step.parent.id) ?? []), step.parent.name] : [];
      byId.set(step.group.id, above);
    }
    for (const [id, above] of byId) ancestors.set(id, above);
  }
  return instrument.dimensions.map((dimension) => {
    const entries = all.filter((e) => e.dimension.id === dimension.id);
    return {
      id: dimension.id,
      name: dimension.name,
      path: ancestors.get(dimension.id) ?? [],
      entries,
      groups: dimension.variables.map((variable) => ({
        id: variable.id,
        name: variable.name,
        entries: entries.filter((e) => e.variable.id === variable.id),
      })),
    };
  });
}

/** The section holding an indicator, or undefined for an unknown one. */
export function sectionOfIndicator(
  sections: readonly OutlineSection[],
  indicatorId: string,
): OutlineSection | undefined {
  return sections.find((s) => s.entries.some((e) => e.indicator.id === indicatorId));
}

export interface OrderedSlot {
  /** The answer key of the slot (with #part where the item is observed twice). */
  readonly key: string;
  /** The instance key (the item's anchor on the sheet). */
  readonly base: string;
  readonly entry: IndicatorEntry;
  readonly sectionId: string;
  /** The respondent or product, null for unit items. */
  readonly instanceId: string | null;
}

/**
 * Every answer slot in question order: section by section, item by item, instance by instance.
 * Given the instrument, the instances are the card's (role-instances.ts): a 2025 interview item is
 * asked of its role's respondents only and a secondary-data item of none, so the dock's progress
 * and "next unanswered" count exactly the slots the sections show and completeness reads.
 */
export function slotsByQuestion(
  sections: readonly OutlineSection[],
  state: StateLike,
  instrument?: Instrument,
): OrderedSlot[] {
  const out: OrderedSlot[] = [];
  for (const section of sections) {
    for (const entry of section.entries) {
      const instances = instrument
        ? cardInstances(instrument, entry, state).instances
        : instancesOf(entry.indicator.level, state);
      for (const instance of instances) {
        const base = baseKeyOf(entry, instance.id);
        for (const slot of slotsOf(entry, instance.id)) {
          out.push({ key: slot.key, base, entry, sectionId: section.id, instanceId: instance.id });
        }
      }
    }
  }
  return out;
}

/** Every answer slot of one respondent, in interview (instrument) order. */
export function slotsOfRespondent(
  sections: readonly OutlineSection[],
  state: StateLike,
  respondentId: string,
  instrument?: Instrument,
): OrderedSlot[] {
  return slotsByQuestion(sections, state, instrument).filter((s) => s.instanceId === respondentId);
}

/** Entries asked of a respondent kind (official, user), in instrument order. */
export function entriesForLevel(sections: readonly OutlineSection[], level: string): IndicatorEntry[] {
  return sections.flatMap((s) => s.entries.filter((e) => e.indicator.level === level));
}

export function isEmptySlot(slot: OrderedSlot, state: StateLike): boolean {
  return slot.entry.interpret(state.answers[slot.key]).status === "empty";
}

/**
 * The first unanswered slot after the instance `afterBase` (an instance key), wrapping round to the
 * start; with no position, the first unanswered slot. Undefined when every slot is answered.
 */
export function nextUnanswered(
  order: readonly OrderedSlot[],
  state: StateLike,
  afterBase: string | null,
): OrderedSlot | undefined {
  let from = 0;
  if (afterBase !== null) {
    let last = -1;
    for (let i = 0; i < order.length; i++) if (order[i]?.base === afterBase) last = i;
    from = last + 1;
  }
  for (let n = 0; n < order.length; n++) {
    const slot = order[(from + n) % order.length];
    if (slot && isEmptySlot(slot, state)) return slot;
  }
  return undefined;
}

export interface SectionProgress {
  readonly done: number;
  readonly total: number;
}

/** Answered / existing slots per section id (and per sub-group id), from one pass over the slots. */
export function progressBySection(
  order: readonly OrderedSlot[],
  state: StateLike,
): Map<string, SectionProgress> {
  const out = new Map<string, { done: number; total: number }>();
  for (const slot of order) {
    const p = out.get(slot.sectionId) ?? { done: 0, total: 0 };
    p.total++;
    if (!isEmptySlot(slot, state)) p.done++;
    out.set(slot.sectionId, p);
  }
  return out;
}
