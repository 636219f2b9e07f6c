// Which instances an indicator card shows, format-2 aware: an interview item of a role is asked of
// that role's respondents only (numbered within the role), and a secondary-data item of none (the
// office values it per locus). Format 1 is unchanged (model.instancesOf). Same rule as the domain's
// slotsOfIndicator, so the card shows exactly the slots completeness and scoring read.
import { type IndicatorEntry, type Instrument, type RespondentRole, respondentRole } from "../../../domain";
import { type InstanceRef, instancesOf, type StateLike } from "./model";

export interface CardInstances {
  readonly instances: InstanceRef[];
  /** The role the item interviews (format 2), for labels. */
  readonly role: RespondentRole | null;
}

export function cardInstances(
  instrument: Instrument,
  entry: IndicatorEntry,
  state: StateLike,
): CardInstances {
  const source = entry.indicator.source;
  if (source?.kind === "secondary") return { instances: [], role: null };
  const all = instancesOf(entry.indicator.level, state);
  const roles = instrument.roles;
  if (source?.kind !== "interview" || roles === undefined) return { instances: all, role: null };
  const role = roles.find((r) => r.id === source.role) ?? null;
  const ofRole = new Set(
    state.respondents
      .filter(
        (r) =>
          respondentRole(roles, { id: r.id, kind: r.kind as "official" | "user", profile: r.profile })?.id ===
          source.role,
      )
      .map((r) => r.id),
  );
  const instances = all
    .filter((i) => i.id !== null && ofRole.has(i.id))
    .map((i, n) => ({ ...i, ordinal: n + 1 }));
  return { instances, role };
}
