// The master-data form endpoints (docs/api-admin.md § Master data forms): loci and units read,
// created, edited and retired one at a time, with their history. Answers are checked with valibot;
// errors keep details.path and details.issues (AdminApiError) so the form kit maps them to fields.
import * as v from "valibot";
import { sendForm } from "./admin-api";

const Locus = v.object({
  id: v.string(),
  code: v.string(),
  name: v.string(),
  kind: v.string(),
  active: v.boolean(),
});
const LocusItem = v.object({ ...Locus.entries, units: v.number(), activeUnits: v.number() });
const Unit = v.object({
  id: v.string(),
  pemdaId: v.string(),
  locusCode: v.string(),
  name: v.string(),
  kind: v.string(),
  address: v.string(),
  products: v.array(v.string()),
  active: v.boolean(),
});
const HistoryRow = v.object({
  action: v.string(),
  before: v.unknown(),
  after: v.unknown(),
  actorName: v.nullable(v.string()),
  source: v.string(),
  at: v.string(),
});

export type LocusRecord = v.InferOutput<typeof Locus>;
export type LocusItem = v.InferOutput<typeof LocusItem>;
export type UnitRecord = v.InferOutput<typeof Unit>;
export type HistoryRow = v.InferOutput<typeof HistoryRow>;

export interface LocusInput {
  code: string;
  name: string;
  kind: string;
  active?: boolean;
}
export interface UnitInput {
  name: string;
  kind: string;
  address: string;
  products: string[];
  active?: boolean;
}

const base = (officeId: string) => `/offices/${encodeURIComponent(officeId)}/master-data`;
const id = (x: string) => encodeURIComponent(x);

export const masterFormsApi = {
  loci: (officeId: string) =>
    sendForm(v.object({ loci: v.array(LocusItem) }), "GET", `${base(officeId)}/loci`, undefined).then(
      (b) => b.loci,
    ),
  locus: (officeId: string, locusId: string) =>
    sendForm(
      v.object({ locus: Locus, units: v.array(Unit), history: v.array(HistoryRow) }),
      "GET",
      `${base(officeId)}/loci/${id(locusId)}`,
      undefined,
    ),
  createLocus: (officeId: string, input: LocusInput) =>
    sendForm(v.object({ locus: Locus }), "POST", `${base(officeId)}/loci`, input).then((b) => b.locus),
  updateLocus: (officeId: string, locusId: string, patch: Partial<LocusInput>) =>
    sendForm(v.object({ locus: Locus }), "PATCH", `${base(officeId)}/loci/${id(locusId)}`, patch).then(
      (b) => b.locus,
    ),
  unit: (officeId: string, unitId: string) =>
    sendForm(
      v.object({ unit: Unit, history: v.array(HistoryRow) }),
      "GET",
      `${base(officeId)}/units/${id(unitId)}`,
      undefined,
    ),
  createUnit: (officeId: string, locusId: string, input: UnitInput) =>
    sendForm(v.object({ unit: Unit }), "POST", `${base(officeId)}/loci/${id(locusId)}/units`, input).then(
      (b) => b.unit,
    ),
  updateUnit: (officeId: string, unitId: string, patch: Partial<UnitInput>) =>
    sendForm(v.object({ unit: Unit }), "PATCH", `${base(officeId)}/units/${id(unitId)}`, patch).then(
      (b) => b.unit,
    ),
  unitKinds: (officeId: string) =>
    sendForm(
      v.object({ kinds: v.array(v.object({ kind: v.string(), units: v.number() })) }),
      "GET",
      `${base(officeId)}/unit-kinds`,
      undefined,
    ).then((b) => b.kinds),
};
