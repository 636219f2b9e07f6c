// English texts of the planning screens; typed against the Indonesian ones so no key goes missing.
import type { planningMessagesId } from "./planning-id";

export const planningMessagesEn: Record<keyof typeof planningMessagesId, string> = {
  planningTitle: "Planning",
};
