// Indonesian words under long lists cut short: the Dasbor's late-now table and the monthly report's late cases.

/** The line under a cut late-now table: how many late applications it leaves out, and where to see them. */
export const LATE_NOW_TEXT = {
  more: (count: number) => `... dan ${count} permohonan lain yang terlambat (lihat kolom Tahap di Register Permohonan)`,
} as const;

/** The line under the report's cut list of late cases: how many it leaves out, and where they are counted. */
export const REPORT_LATE_TEXT = {
  more: (count: number) =>
    `... dan ${count} kasus terlambat lain; jumlah per tahap ada pada tabel kepatuhan di atas, rinciannya pada kolom Tahap di Register Permohonan.`,
} as const;
