// Pure helpers that turn the instrument + local state into what the lembar penilaian lays out:
// instances per level, the answer slots of one indicator instance, and progress per group.
// Same key spelling as the domain (buildAnswerKey), so a slot is exactly one protocol answer key.
import {
  buildAnswerKey,
  GENERAL_NOTE_KEY,
  type IndicatorEntry,
  type LevelId,
  type MediaPart,
  type ReviewCommentLike,
} from "./model-types";

export { GENERAL_NOTE_KEY };

export interface InstanceRef {
  id: string | null;
  /** Position among its kind, from 1 (for "Pejabat/Petugas 2"). */
  ordinal: number;
  /** A product's name or a respondent's profile name; "" when unnamed. */
  name: string;
}

export interface Slot {
  part: MediaPart | null;
  key: string;
}

export interface StateLike {
  answers: Readonly<Record<string, unknown>>;
  products: readonly { id: string; name: string }[];
  respondents: readonly { id: string; kind: string; profile: Readonly<Record<string, unknown>> }[];
}

export function instancesOf(level: LevelId, state: StateLike): InstanceRef[] {
  if (level === "unit") return [{ id: null, ordinal: 1, name: "" }];
  if (level === "product") return state.products.map((p, i) => ({ id: p.id, ordinal: i + 1, name: p.name }));
  return state.respondents
    .filter((r) => r.kind === level)
    .map((r, i) => {
      const name = r.profile.name;
      return { id: r.id, ordinal: i + 1, name: typeof name === "string" ? name : "" };
    });
}

export function baseKeyOf(entry: IndicatorEntry, instanceId: string | null): string {
  const level = entry.indicator.level;
  return level === "unit"
    ? buildAnswerKey({ indicatorId: entry.indicator.id })
    : buildAnswerKey({ indicatorId: entry.indicator.id, level, instanceId });
}

export function slotsOf(entry: IndicatorEntry, instanceId: string | null): Slot[] {
  const base = baseKeyOf(entry, instanceId);
  const media = entry.indicator.media;
  if (!media || media.length === 0) return [{ part: null, key: base }];
  return media.map((part) => ({ part, key: `${base}#${part}` }));
}

export interface Progress {
  done: number;
  total: number;
}

/** Answer slots filled / existing (na and no_answer count as answered, as in completeness). */
export function progressOf(entries: readonly IndicatorEntry[], state: StateLike): Progress {
  let done = 0;
  let total = 0;
  for (const entry of entries) {
    for (const instance of instancesOf(entry.indicator.level, state)) {
      for (const slot of slotsOf(entry, instance.id)) {
        total++;
        if (entry.interpret(state.answers[slot.key]).status !== "empty") done++;
      }
    }
  }
  return { done, total };
}

/** DOM id of an item on the sheet: keys contain @ : # . which are awkward in ids and selectors. */
export function anchorId(key: string): string {
  return `item-${key.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/**
 * Supervisor comments of the latest review, by key: an older review's comments were about answers
 * that have since been fixed and re-submitted.
 */
export function latestComments(comments: readonly ReviewCommentLike[]): Map<string, string[]> {
  const latest = comments.reduce((max, c) => Math.max(max, c.revision), 0);
  const byKey = new Map<string, string[]>();
  for (const c of comments) {
    if (c.revision !== latest || c.text.trim() === "") continue;
    byKey.set(c.key, [...(byKey.get(c.key) ?? []), c.text]);
  }
  return byKey;
}

/** The key an anchorId() was made from; null for other ids (sections). */
export function keyOfAnchor(id: string): string | null {
  if (!id.startsWith("item-")) return null;
  return id
    .slice(5)
    .replace(/_([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
