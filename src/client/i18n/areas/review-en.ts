// English texts of the review screens; typed against the Indonesian ones so no key goes missing.
import type { reviewMessagesId } from "./review-id";

export const reviewMessagesEn: Record<keyof typeof reviewMessagesId, string> = {
  reviewTitle: "Review",
};
