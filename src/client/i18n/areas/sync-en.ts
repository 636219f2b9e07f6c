// English texts of the sync panel's upload progress; typed against the Indonesian ones.
import type { syncMessagesId } from "./sync-id";

export const syncMessagesEn: Record<keyof typeof syncMessagesId, string> = {
  syncUploadLeft: "Uploading photos: {size} left",
  syncUploadEta: "about {time} to go",
  syncUploadEtaUnknown: "estimating the time…",
};
