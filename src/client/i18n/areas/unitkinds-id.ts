// Indonesian words for unit kinds beyond those in messages-id.ts (see i18n/unit-kinds.ts: kinds are
// an office's data; these are only words for common ones). Keys are prefixed "uk".
export const unitKindMessagesId = {
  ukRsud: "Rumah Sakit Umum Daerah",
  ukDisnaker: "Ketenagakerjaan",
  ukDishub: "Perhubungan",
} as const;
