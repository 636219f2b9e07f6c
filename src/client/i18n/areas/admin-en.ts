// English texts of the admin screens; typed against the Indonesian ones so no key goes missing.
import type { adminMessagesId } from "./admin-id";

export const adminMessagesEn: Record<keyof typeof adminMessagesId, string> = {
  adminTitle: "Administration",
};
