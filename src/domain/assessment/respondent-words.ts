// Respondent profiles in words (issue #20): the checklist stores profile fields as codes (so a
// profile reads the same whatever the UI language was); review screens, exports and the rapor show
// them with these labels instead of raw keys ("Jenis kelamin: Perempuan", not "gender: P").
// Pure; shared by the client and the server so the desk and the files use the same words.
import type { LocalText } from "../common/validate";
import type { Respondent, RespondentKind } from "../sync/protocol";

/** Profile fields in the order they are shown; unknown fields follow under their own key. */
export const PROFILE_FIELD_LABELS: Readonly<Record<string, LocalText>> = {
  name: { id: "Nama", en: "Name" },
  position: { id: "Jabatan", en: "Position" },
  gender: { id: "Jenis kelamin", en: "Gender" },
  ageGroup: { id: "Kelompok usia", en: "Age group" },
  product: { id: "Produk yang digunakan", en: "Product used" },
};

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, LocalText>>>> = {
  gender: { P: { id: "Perempuan", en: "Female" }, L: { id: "Laki-laki", en: "Male" } },
  position: {
    head: { id: "Kepala unit", en: "Head of unit" },
    service_head: { id: "Kepala bidang layanan", en: "Head of services" },
    complaints: { id: "Petugas pengaduan", en: "Complaints officer" },
    frontline: { id: "Petugas layanan depan", en: "Front-line officer" },
  },
  ageGroup: { "<25": { id: "< 25 tahun", en: "under 25" }, ">60": { id: "> 60 tahun", en: "over 60" } },
};

export const RESPONDENT_KIND_LABELS: Readonly<Record<RespondentKind, LocalText>> = {
  official: { id: "Pejabat/Petugas", en: "Official" },
  user: { id: "Pengguna layanan", en: "Service user" },
};

type Lang = "id" | "en";
const pick = (text: LocalText, lang: Lang) => (lang === "en" && text.en ? text.en : text.id);

/** The profile as label/value pairs in words, empty values left out. */
export function profileFacts(
  profile: Respondent["profile"],
  lang: Lang = "id",
): { field: string; label: string; value: string }[] {
  const known = Object.keys(PROFILE_FIELD_LABELS);
  const fields = [
    ...known,
    ...Object.keys(profile)
      .filter((k) => !known.includes(k))
      .sort(),
  ];
  const out: { field: string; label: string; value: string }[] = [];
  for (const field of fields) {
    const raw = profile[field];
    if (raw === undefined || raw === null || raw === "") continue;
    const labelText = PROFILE_FIELD_LABELS[field];
    const valueText = VALUE_LABELS[field]?.[String(raw)];
    const value = valueText
      ? pick(valueText, lang)
      : typeof raw === "boolean"
        ? raw
          ? "✓"
          : "—"
        : String(raw);
    out.push({ field, label: labelText ? pick(labelText, lang) : field, value });
  }
  return out;
}

/**
 * "Pejabat/Petugas 2: Budi" — the respondent numbered within its kind in list order (as the
 * checklist names them), with the official's name when one was written down.
 */
export function respondentLabel(
  respondents: readonly Pick<Respondent, "id" | "kind" | "profile">[],
  id: string,
  lang: Lang = "id",
): string {
  const r = respondents.find((x) => x.id === id);
  if (r === undefined) return id.slice(0, 8);
  const index = respondents.filter((x) => x.kind === r.kind).indexOf(r) + 1;
  const kind = `${pick(RESPONDENT_KIND_LABELS[r.kind], lang)} ${index}`;
  const name = r.profile.name;
  return typeof name === "string" && name.trim() !== "" ? `${kind}: ${name.trim()}` : kind;
}
