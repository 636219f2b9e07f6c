// Indonesian texts of the review screens (kept apart so each area's screens own their words).
// Vocabulary follows methodology.md § 6. Keys are prefixed "review" to stay unique across areas.
export const reviewMessagesId = {
  reviewTitle: "Tinjauan",
} as const;
