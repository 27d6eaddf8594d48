/** The KPI panel sits beside the grid from here; below, it opens as a sheet over the page. */
export const WIDE_LAYOUT = '(min-width: 75rem)';
/** Below this the table is a list of cards (phones). */
export const PHONE_LAYOUT = '(max-width: 40rem)';
