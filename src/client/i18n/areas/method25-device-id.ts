// Indonesian texts of the 2025 method (format-2 instrument) on the assessor's checklist: respondent
// roles and their quotas, phone interviews, secondary data, the 70/30 composite. English in
// method25-device-en.ts, typed against these.
export const method25DeviceMessagesId = {
  m25RoleTitle: "{role}: {count} dari {needed}",
  m25RoleAdd: "Tambah {role}",
  m25RoleLabel: "{role} {n}",
  m25RolePerUnit: "Kuota {quota} per unit.",
  m25RolePerLocus:
    "Kuota {quota} per lokus, dibagi antar-unit; unit ini minimal {min}. Tim sudah mewawancarai {have} (dari {units} lembar penilaian di perangkat ini), masih perlu {still}.",
  m25RolePerLocusDone:
    "Kuota {quota} per lokus terpenuhi ({have}, dari {units} lembar penilaian di perangkat ini).",
  m25Mode: "Cara wawancara",
  m25ModeOnSite: "Tatap muka di lokasi",
  m25ModePhone: "Lewat telepon",
  m25CallAt: "Waktu panggilan telepon",
  m25CallMinutes: "Lama panggilan (menit)",
  m25CallHint: "Wawancara telepon dicatat dengan waktu panggilan, bukan foto.",
  m25Secondary:
    "Data sekunder ({providers}): nilainya diisi kantor perwakilan untuk lokus ini, tidak ditanyakan di unit.",
  m25Inferred: "bobot disimpulkan",
  m25Composite: "Komposit",
  m25CompositeRow: "{points} dari {weight}",
  m25SecondaryPending: "Data sekunder belum dinilai kantor: dihitung 0 sampai diisi.",
  m25QualifierPending:
    "Predikat \u201c{qualifier}\u201d ditentukan dari tindak lanjut produk pengawasan (oleh kantor).",
};
