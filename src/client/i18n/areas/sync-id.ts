// Indonesian texts of the sync panel's upload progress (issue #21: photos on a poor link).
export const syncMessagesId = {
  syncUploadLeft: "Mengunggah foto: sisa {size}",
  syncUploadEta: "sekitar {time} lagi",
  syncUploadEtaUnknown: "menghitung perkiraan waktu…",
} as const;
