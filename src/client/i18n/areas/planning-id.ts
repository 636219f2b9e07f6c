// Indonesian texts of the planning screens (kept apart so each area's screens own their words).
// Vocabulary follows methodology.md § 6. Keys are prefixed "planning" to stay unique across areas.
export const planningMessagesId = {
  planningTitle: "Perencanaan",
} as const;
