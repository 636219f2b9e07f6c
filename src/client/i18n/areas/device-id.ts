// Indonesian texts of the device panel on the home (install, private session, unsynced work to a
// file and back). English in device-en.ts, typed against these.
export const deviceMessagesId = {
  deviceTitle: "Perangkat ini",
  deviceInstalled: "Aplikasi terpasang di layar utama.",
  deviceNotInstalled: "Aplikasi dibuka di peramban, belum dipasang di layar utama.",
  deviceInstallWhy:
    "Pasang aplikasi di layar utama: Safari dapat menghapus data situs yang tidak dibuka beberapa hari, termasuk pekerjaan yang belum terkirim.",
  deviceInstallIosTitle: "Cara memasang di iPhone/iPad (Safari)",
  deviceInstallIos1: "Ketuk tombol Bagikan (kotak dengan panah ke atas).",
  deviceInstallIos2: "Pilih \u201cTambahkan ke Layar Utama\u201d.",
  deviceInstallIos3: "Ketuk \u201cTambah\u201d, lalu buka Patuh dari ikonnya di layar utama.",
  deviceInstallAndroid:
    "Di Android: buka menu peramban (\u22ee) lalu pilih \u201cInstal aplikasi\u201d atau \u201cTambahkan ke layar utama\u201d.",
  devicePrivate:
    "Mode penjelajahan pribadi: semua pekerjaan di sini hilang saat jendela ditutup. Gunakan jendela biasa, atau simpan pekerjaan ke berkas sebelum menutup.",
  deviceWorkTitle: "Pekerjaan belum terkirim",
  deviceWorkCount: "{count} perubahan belum terkirim ke server.",
  deviceWorkNone: "Tidak ada perubahan yang belum terkirim.",
  deviceWorkExplain:
    "Simpan ke berkas sebelum perangkat direset atau data peramban dihapus; impor berkas itu di perangkat lain (masuk dengan akun yang sama), lalu sinkronkan.",
  deviceExport: "Simpan ke berkas",
  deviceExportReady: "Berkas siap: {name}",
  deviceExportDownload: "Unduh berkas",
  deviceImport: "Impor dari berkas",
  deviceImportDone: "Diimpor: {recorded} perubahan, {photos} foto. Sudah ada sebelumnya: {skipped}.",
  deviceImportFailed: "Berkas tidak dapat diimpor: {reason}",
  deviceImportNotWorkFile: "bukan berkas pekerjaan Patuh.",
  deviceImportOtherUser: "berkas ini berisi pekerjaan penilai lain.",
  deviceImportPhotoDamaged: "ada foto yang rusak (tidak cocok dengan sidik SHA-256-nya).",
};
