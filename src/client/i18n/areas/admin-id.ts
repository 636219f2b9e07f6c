// Indonesian texts of the admin screens (kept apart so each area's screens own their words).
// Vocabulary follows methodology.md § 6. Keys are prefixed "admin" to stay unique across areas.
export const adminMessagesId = {
  adminTitle: "Administrasi",
} as const;
