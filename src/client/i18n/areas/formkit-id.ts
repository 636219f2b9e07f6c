// Indonesian texts of the form kit (src/client/form-kit), shared by every form and admin screen (error-code words included).
// Keys are prefixed "fk" to stay unique across areas.
export const formKitMessagesId = {
  fkSave: "Simpan",
  fkSaving: "Menyimpan…",
  fkCancel: "Batal",
  fkSummary: "Periksa isian berikut:",
  fkUnsaved: "Ada perubahan yang belum disimpan.",
  fkDiscardQuestion: "Buang perubahan yang belum disimpan?",
  fkDiscard: "Buang perubahan",
  fkKeepEditing: "Lanjut mengisi",
  fkErrRequired: "Wajib diisi.",
  fkErrInvalid: "Isian tidak sah.",
  fkErrTaken: "Sudah dipakai; pilih yang lain.",
  fkErrNotFound: "Data ini tidak ditemukan (mungkin sudah diubah orang lain). Muat ulang halaman.",
  fkErrForbidden: "Anda tidak berwenang atas data ini.",
  fkErrNetwork: "Tidak ada sambungan ke server; coba lagi.",
  fkErrTooLarge: "Isian terlalu besar.",
  fkErrUnexpected: "Terjadi kesalahan ({code}). Coba lagi.",
} as const;
