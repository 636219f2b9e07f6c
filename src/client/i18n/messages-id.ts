// Indonesian, the default UI language. Vocabulary follows methodology.md § 6 (Masuk, Keluar, Luring,
// Daring, Penilai, Kantor Perwakilan …). Placeholders in braces are filled by t(key, vars).
export const messagesId = {
  appName: "Patuh",
  appTagline: "Penilaian Kepatuhan",
  loading: "Memuat…",
  loadFailed: "Layar ini gagal dimuat. Muat ulang aplikasi saat daring.",
  skipToContent: "Lewati ke konten",

  loginTitle: "Masuk",
  loginIntro:
    "Masuk dengan akun Ombudsman RI Anda. Masuk pertama kali memerlukan jaringan; sesudahnya Patuh tetap bisa dibuka luring.",
  username: "Nama pengguna",
  password: "Kata sandi",
  showPassword: "Tampilkan kata sandi",
  loginSubmit: "Masuk",
  loginBusy: "Sedang masuk…",
  errorRequired: "Isi nama pengguna dan kata sandi.",
  errorInvalidCredentials: "Nama pengguna atau kata sandi salah.",
  errorRateLimited: "Terlalu banyak percobaan masuk. Tunggu 15 menit, lalu coba lagi.",
  errorNetwork: "Tidak ada koneksi. Periksa jaringan, lalu coba lagi.",
  errorServer: "Server sedang bermasalah. Coba lagi sebentar lagi.",
  errorUnexpected: "Terjadi kesalahan: {code}. Coba lagi.",
  sessionExpired: "Sesi Anda telah berakhir. Silakan masuk lagi. Data di perangkat ini tetap tersimpan.",

  homeTitle: "Beranda",
  welcome: "Selamat datang",
  role: "Peran",
  office: "Kantor Perwakilan",
  roleAssessor: "Penilai",
  roleSupervisor: "Supervisor / Penjamin Mutu",
  roleAdmin: "Admin",
  assignmentsTitle: "Penugasan",
  assignmentsEmpty: "Penugasan Anda akan tampil di sini setelah sinkronisasi.",

  online: "Daring",
  offline: "Luring",
  connectionStatus: "Status koneksi",

  language: "Bahasa",

  logout: "Keluar",
  logoutBusy: "Sedang keluar…",
  logoutOfflineWarning:
    "Anda sedang luring. Setelah keluar, Anda baru bisa masuk lagi saat daring. Data di perangkat ini tetap tersimpan.",
  logoutConfirm: "Tetap keluar",
  cancel: "Batal",

  assessmentTitle: "Lembar Penilaian",
  assessmentPlaceholder: "Lembar penilaian {id} akan tersedia di sini.",
  backHome: "Kembali ke Beranda",

  notFoundTitle: "Halaman tidak ditemukan",
  notFoundBody: "Alamat ini tidak ada di Patuh.",

  updateAvailable: "Versi baru tersedia — muat ulang",
  updateReload: "Muat ulang",

  version: "Versi {build}",
} as const;

export type MessageKey = keyof typeof messagesId;
export type Messages = Record<MessageKey, string>;
