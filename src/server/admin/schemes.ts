/**
 * Banding schemes for the admin: list (built-ins first, marked) and save (create or replace) a
 * scheme validated by the domain parser.
 * Invariants: the built-in schemes (opini-2022, zona-2021) live in code and never change; a stored
 * scheme a period uses is immutable (its results would re-band silently); saving the identical
 * definition again is a no-op. Built-ins are written to banding_schemes on first use by a period
 * (periods reference that table), see ensureSchemeStored.
 */
import { BUILTIN_SCHEMES } from "../../domain/banding/builtin";
import { parseBandingScheme } from "../../domain/banding/parse-scheme";
import type { BandingScheme } from "../../domain/banding/types";
import type { Db } from "../db/connection";
import {
  findBandingScheme,
  findBandingSchemeForUpdate,
  insertBandingSchemeIfAbsent,
  isSchemeInUse,
  listStoredSchemes,
  upsertBandingScheme,
} from "../db/queries/banding-schemes";
import { problem } from "../http/problems";
import { containsNul, NO_NUL_MESSAGE, sameJson } from "./guard";

export interface SchemeSummary {
  id: string;
  name: BandingScheme["name"];
  bands: BandingScheme["bands"];
  builtin: boolean;
  inUse: boolean;
}

export function isBuiltinScheme(id: string): boolean {
  return Object.hasOwn(BUILTIN_SCHEMES, id);
}

export async function listSchemes(db: Db): Promise<SchemeSummary[]> {
  const stored = await listStoredSchemes(db);
  const used = new Map(stored.map((s) => [s.id, s.inUse]));
  const builtins = Object.values(BUILTIN_SCHEMES).map((s) => ({
    id: s.id,
    name: s.name,
    bands: s.bands,
    builtin: true,
    inUse: used.get(s.id) ?? false,
  }));
  const custom: SchemeSummary[] = [];
  for (const s of stored) {
    if (isBuiltinScheme(s.id)) continue;
    const parsed = parseBandingScheme(s.definition);
    // A stored row the parser refuses (hand-edited database) is listed without bands, never a 500.
    custom.push({
      id: s.id,
      name: parsed.ok ? parsed.scheme.name : { id: s.id },
      bands: parsed.ok ? parsed.scheme.bands : [],
      builtin: false,
      inUse: s.inUse,
    });
  }
  return [...builtins, ...custom];
}

export async function saveScheme(
  db: Db,
  json: unknown,
): Promise<{ created: boolean; scheme: SchemeSummary }> {
  const parsed = parseBandingScheme(json);
  if (!parsed.ok) {
    throw problem("invalid_scheme", {
      issues: parsed.errors.map((e) => ({ path: e.path, message: e.message })),
    });
  }
  if (containsNul(json))
    throw problem("invalid_scheme", { issues: [{ path: "$", message: NO_NUL_MESSAGE }] });
  const { scheme } = parsed;
  if (isBuiltinScheme(scheme.id)) throw problem("scheme_immutable", { id: scheme.id, reason: "builtin" });
  return db.transaction().execute(async (trx) => {
    const stored = await findBandingSchemeForUpdate(trx, scheme.id);
    const inUse = stored ? await isSchemeInUse(trx, scheme.id) : false;
    if (stored && !sameJson(stored.definition, json)) {
      if (inUse) throw problem("scheme_immutable", { id: scheme.id, reason: "in_use" });
      await upsertBandingScheme(trx, { id: scheme.id, definition: json });
    } else if (!stored) {
      await upsertBandingScheme(trx, { id: scheme.id, definition: json });
    }
    return {
      created: !stored,
      scheme: { id: scheme.id, name: scheme.name, bands: scheme.bands, builtin: false, inUse },
    };
  });
}

/** True when the scheme exists (built in, or stored); a built-in is stored on the way. */
export async function ensureSchemeStored(db: Db, id: string): Promise<boolean> {
  const builtin = isBuiltinScheme(id) ? BUILTIN_SCHEMES[id] : undefined;
  if (builtin) {
    await insertBandingSchemeIfAbsent(db, { id, definition: builtin });
    return true;
  }
  return (await findBandingScheme(db, id)) !== undefined;
}
