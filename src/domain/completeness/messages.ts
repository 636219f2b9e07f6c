// Problem messages in the methodology's vocabulary (methodology.md §6) with English beside them.
// Kept apart from the rules so wording can change without touching logic.
import type { LocalText } from "../common/validate";
import type { LevelId, MediaPart } from "../instrument/types";

export interface InstanceLabel {
  readonly id: string;
  readonly en: string;
}

const PART_TEXT: Readonly<Record<MediaPart, InstanceLabel>> = {
  physical: { id: "fisik, di lokasi", en: "on site" },
  electronic: { id: "elektronik, laman resmi", en: "on the website" },
};

const LEVEL_TEXT: Readonly<Record<Exclude<LevelId, "unit">, InstanceLabel>> = {
  product: { id: "Produk Layanan", en: "service product" },
  official: { id: "Pejabat/Petugas", en: "official" },
  user: { id: "Pengguna Layanan", en: "service user" },
};

/** "untuk Produk Layanan "KTP-el"" / "Pejabat/Petugas 2 (Budi)"; empty for unit items. */
export function instanceLabel(level: LevelId, ordinal: number, name: string | null): InstanceLabel {
  if (level === "unit") return { id: "", en: "" };
  const text = LEVEL_TEXT[level];
  if (level === "product") {
    const shown = name ?? `${ordinal}`;
    return { id: ` untuk ${text.id} "${shown}"`, en: ` for ${text.en} "${shown}"` };
  }
  const suffix = name === null ? "" : ` (${name})`;
  return { id: ` untuk ${text.id} ${ordinal}${suffix}`, en: ` for ${text.en} ${ordinal}${suffix}` };
}

/** Format 2: " untuk Pengguna layanan 3 (Budi)", numbered within the respondent role. */
export function roleInstanceLabel(role: LocalText, ordinal: number, name: string | null): InstanceLabel {
  const suffix = name === null ? "" : ` (${name})`;
  return {
    id: ` untuk ${role.id} ${ordinal}${suffix}`,
    en: ` for ${role.en ?? role.id} ${ordinal}${suffix}`,
  };
}

function subject(indicatorId: string, part: MediaPart | null, inst: InstanceLabel): InstanceLabel {
  const p = part === null ? null : PART_TEXT[part];
  return {
    id: `Indikator ${indicatorId}${p === null ? "" : ` (${p.id})`}${inst.id}`,
    en: `Indicator ${indicatorId}${p === null ? "" : ` (${p.en})`}${inst.en}`,
  };
}

export const messages = {
  roleInstanceLabel,
  missingAnswer(indicatorId: string, part: MediaPart | null, inst: InstanceLabel): LocalText {
    const s = subject(indicatorId, part, inst);
    return { id: `${s.id} belum dijawab.`, en: `${s.en} is not answered.` };
  },
  invalidAnswer(indicatorId: string, part: MediaPart | null, inst: InstanceLabel, reason: string): LocalText {
    const s = subject(indicatorId, part, inst);
    return {
      id: `Jawaban ${s.id} tidak valid; isi ulang jawabannya.`,
      en: `The answer to ${s.en} is invalid: ${reason}.`,
    };
  },
  invalidKey(key: string, reason: string): LocalText {
    return {
      id: `Jawaban dengan kunci "${key}" tidak dikenali oleh instrumen.`,
      en: `Answer key "${key}" is not valid: ${reason}.`,
    };
  },
  missingPhoto(indicatorId: string, part: MediaPart | null, inst: InstanceLabel): LocalText {
    const s = subject(indicatorId, part, inst);
    return {
      id: `${s.id} bernilai di atas 0: lampirkan minimal satu Foto Bukti.`,
      en: `${s.en} is scored above 0: attach at least one photo as evidence.`,
    };
  },
  missingNote(
    indicatorId: string,
    part: MediaPart | null,
    inst: InstanceLabel,
    answer: LocalText,
  ): LocalText {
    const s = subject(indicatorId, part, inst);
    return {
      id: `${s.id} dijawab "${answer.id}": Catatan wajib diisi.`,
      en: `${s.en} is answered "${answer.en ?? answer.id}": a note is required.`,
    };
  },
  tooFewProducts(have: number, min: number): LocalText {
    return {
      id: `Produk Layanan baru ${have} dari minimal ${min}.`,
      en: `${have} service product(s) sampled; at least ${min} are required.`,
    };
  },
  tooFewRespondents(level: "official" | "user", have: number, quota: number): LocalText {
    const text = LEVEL_TEXT[level];
    return {
      id: `Responden ${text.id} baru ${have} dari ${quota}.`,
      en: `${have} ${text.en}(s) interviewed; the quota is ${quota}.`,
    };
  },
  tooFewInRole(role: LocalText, have: number, needed: number): LocalText {
    return {
      id: `Responden ${role.id} baru ${have} dari ${needed}.`,
      en: `${have} ${role.en ?? role.id} respondent(s) interviewed; ${needed} are required.`,
    };
  },
  missingCallTime(role: LocalText, ordinal: number): LocalText {
    return {
      id: `${role.id} ${ordinal} diwawancarai lewat telepon: isi waktu panggilan.`,
      en: `${role.en ?? role.id} ${ordinal} was interviewed by phone: record the call time.`,
    };
  },
  modeNotAllowed(role: LocalText, ordinal: number, mode: string): LocalText {
    return {
      id: `${role.id} ${ordinal}: cara wawancara "${mode}" tidak diizinkan instrumen.`,
      en: `${role.en ?? role.id} ${ordinal}: the instrument does not allow interview mode "${mode}".`,
    };
  },
  dimensionWithoutValue(name: LocalText): LocalText {
    return {
      id: `${name.id} belum memiliki Nilai: semua jawabannya Tidak Berlaku atau tidak menjawab.`,
      en: `${name.en ?? name.id} has no value: every answer in it is excluded (not applicable / no answer).`,
    };
  },
  instrumentMismatch(have: string, expected: string): LocalText {
    return {
      id: `Lembar Penilaian ini memakai instrumen ${have}, bukan ${expected}.`,
      en: `This assessment uses instrument ${have}, not ${expected}.`,
    };
  },
};
