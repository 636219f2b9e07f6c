// Unit kinds in the UI language. Unit kinds are an office's data (issue #17): the server sends each
// unit's kind as the office wrote it ("Dinas Pendidikan", "RSUD", "disdukcapil"), and no list of
// kinds limits what an office may use. This module only knows words for common kinds, matched by
// their usual spellings (case, punctuation and a leading "Dinas" ignored), so a known kind reads in
// Indonesian or English; any other kind is shown as the office wrote it, made readable when it
// is a code ("dinas_pariwisata" → "Dinas Pariwisata").
import type { MessageKey, Translate } from "./i18n";

/** Dictionary word → the spellings offices use for it (normalised: see `normalise`). */
const KNOWN: readonly (readonly [MessageKey, readonly string[]])[] = [
  [
    "unitKindDisdukcapil",
    ["disdukcapil", "dukcapil", "kependudukan dan pencatatan sipil", "dispendukcapil", "capil"],
  ],
  [
    "unitKindDpmptsp",
    [
      "dpmptsp",
      "dpm ptsp",
      "ptsp",
      "penanaman modal dan pelayanan terpadu satu pintu",
      "penanaman modal dan ptsp",
      "pelayanan terpadu satu pintu",
    ],
  ],
  ["unitKindDinkes", ["dinkes", "kesehatan"]],
  ["unitKindDindik", ["dindik", "disdik", "pendidikan", "pendidikan dan kebudayaan", "disdikbud"]],
  ["unitKindDinsos", ["dinsos", "sosial"]],
  ["unitKindPuskesmas", ["puskesmas", "pusat kesehatan masyarakat"]],
  ["ukRsud", ["rsud", "rumah sakit umum daerah", "rumah sakit daerah"]],
  [
    "ukDisnaker",
    ["disnaker", "disnakertrans", "tenaga kerja", "ketenagakerjaan", "tenaga kerja dan transmigrasi"],
  ],
  ["ukDishub", ["dishub", "perhubungan"]],
];

/** Lower case, punctuation and "_"/"-" as spaces, spaces collapsed, a leading "dinas" dropped. */
export function normalise(kind: string): string {
  const plain = kind
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return plain.replace(/^dinas /, "");
}

const INDEX = new Map<string, MessageKey>();
for (const [key, spellings] of KNOWN) for (const s of spellings) INDEX.set(normalise(s), key);

/** The dictionary key of a unit kind, or undefined for a kind this version has no word for. */
export function unitKindKey(kind: string): MessageKey | undefined {
  return INDEX.get(normalise(kind));
}

/** The office's own kind, readable: a code-like kind ("dinas_pariwisata") in words, else as written. */
export function readableKind(kind: string): string {
  const trimmed = kind.trim().replace(/\s+/g, " ");
  if (!/^[a-z0-9]+([_-][a-z0-9]+)+$/.test(trimmed) && !/^[a-z]+$/.test(trimmed)) return trimmed;
  // An all-lowercase single word is a code too ("pariwisata"); short ones are acronyms ("bpbd").
  return trimmed
    .split(/[_-]/)
    .map((w) =>
      w.length <= 4 && !/[aeiou]/.test(w.slice(1)) ? w.toUpperCase() : w[0]?.toUpperCase() + w.slice(1),
    )
    .join(" ");
}

/** A unit kind in the UI language when known, else readable as the office wrote it. */
export function unitKindWords(kind: string, t: Translate): string {
  const key = unitKindKey(kind);
  return key ? t(key) : readableKind(kind);
}
