// English words for the unit kinds of unitkinds-id.ts.
import type { unitKindMessagesId } from "./unitkinds-id";

export const unitKindMessagesEn: Record<keyof typeof unitKindMessagesId, string> = {
  ukRsud: "Regional public hospital",
  ukDisnaker: "Manpower",
  ukDishub: "Transport",
};
