// Words for sync problems, in Indonesian (the app's language) and English. The engine reports a
// message key plus both strings so the UI can show them without knowing protocol codes; the key is
// stable for tests and for the UI to pick its own wording if it wants.
//
// Invariant kept: every message a user sees says whether their work is safe (it always is: nothing
// here ever discards local data) and what happens next.

export interface Words {
  id: string;
  en: string;
}

export const SYNC_MESSAGES = {
  offline: {
    id: "Tidak ada koneksi. Perubahan tersimpan di perangkat ini dan akan dikirim otomatis saat tersambung.",
    en: "No connection. Changes are saved on this device and will be sent automatically when online.",
  },
  server_unavailable: {
    id: "Server sedang tidak dapat dihubungi. Perubahan tetap tersimpan; pengiriman dicoba lagi otomatis.",
    en: "The server cannot be reached right now. Changes stay saved; sending is retried automatically.",
  },
  rate_limited: {
    id: "Server meminta menunggu sebentar. Pengiriman dicoba lagi otomatis.",
    en: "The server asked us to wait. Sending is retried automatically.",
  },
  needs_login: {
    id: "Sesi Anda berakhir. Masuk lagi untuk mengirim perubahan; tidak ada data yang hilang.",
    en: "Your session has ended. Log in again to send your changes; nothing is lost.",
  },
  client_mismatch: {
    id: "Perangkat ini terdaftar atas nama pengguna lain. Perubahan tetap tersimpan di perangkat; masuk dengan akun semula atau hubungi admin.",
    en: "This device is registered to another user. Changes stay on this device; log in with the original account or contact an admin.",
  },
  push_refused: {
    id: "Server menolak kiriman perubahan. Perubahan tetap tersimpan di perangkat; hubungi admin bila berulang.",
    en: "The server refused the batch of changes. They stay on this device; contact an admin if this repeats.",
  },
  mutation_gap: {
    id: "Urutan perubahan di server tidak cocok dengan perangkat; perubahan yang belum terkirim dinomori ulang dan dikirim lagi.",
    en: "The server's record of this device's changes did not match; unsent changes were renumbered and sent again.",
  },
  storage_full: {
    id: "Penyimpanan perangkat penuh. Perubahan terakhir tidak tersimpan; kosongkan ruang lalu coba lagi.",
    en: "Device storage is full. The last change was not saved; free some space and try again.",
  },
  evidence_too_large: {
    id: "Berkas bukti terlalu besar untuk dikirim. Ambil ulang dengan ukuran lebih kecil.",
    en: "An evidence file is too large to upload. Capture it again at a smaller size.",
  },
  evidence_bad_type: {
    id: "Jenis berkas bukti tidak diterima server (hanya JPEG, PNG, WebP, PDF).",
    en: "The server does not accept this evidence file type (only JPEG, PNG, WebP, PDF).",
  },
  evidence_rejected: {
    id: "Server menolak berkas bukti. Berkas tetap di perangkat; ambil ulang bila perlu.",
    en: "The server refused an evidence file. It stays on this device; capture it again if needed.",
  },
  unexpected: {
    id: "Terjadi kesalahan saat sinkronisasi. Perubahan tetap tersimpan; dicoba lagi otomatis.",
    en: "Something went wrong while syncing. Changes stay saved; it will be retried automatically.",
  },
} as const satisfies Record<string, Words>;

export type SyncMessageKey = keyof typeof SYNC_MESSAGES;

export interface SyncProblem {
  key: SyncMessageKey;
  words: Words;
  /** Server error code or transport detail, for logs and support. */
  code: string;
  /** The server's own message when there was one. */
  detail?: string;
}

export function problem(key: SyncMessageKey, code: string = key, detail?: string): SyncProblem {
  return { key, words: SYNC_MESSAGES[key], code, ...(detail === undefined ? {} : { detail }) };
}
