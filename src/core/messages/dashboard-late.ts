// Indonesian words of the Dasbor's late-now table when it is cut to the most overdue applications.

/** The line under a cut late-now table: how many late applications it leaves out, and where to see them. */
export const LATE_NOW_TEXT = {
  more: (count: number) => `... dan ${count} permohonan lain yang terlambat (lihat kolom Tahap di Register Permohonan)`,
} as const;
