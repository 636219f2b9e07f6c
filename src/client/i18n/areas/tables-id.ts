// Indonesian texts of the desk tables' filters (issue #20): sort and filter on results, national
// ranking and progress, kept in the link; and the review trail's words for an undone approval.
export const tableMessagesId = {
  tableFilterPemda: "Cari pemda",
  tableFilterUnit: "Cari unit layanan",
  tableFilterLocus: "Cari lokus atau kantor",
  tableFilterPredicate: "Predikat",
  tableFilterResult: "Hasil",
  tableShown: "{shown} dari {total} ditampilkan",
  tableNoMatch: "Tidak ada baris yang cocok dengan saringan ini.",
  tableColumnPlanned: "Rencana kunjungan",
  tableColumnStatus: "Status",
  tableApprovalUndone: "Persetujuan dibatalkan",
  tableNoScore: "Belum ada nilai",
} as const;
