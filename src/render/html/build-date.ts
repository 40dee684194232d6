const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as the page shows it, always in UTC so the same date gives the same bytes anywhere. */
export interface ShownDate {
  /** `1970-01-01`, for `<time datetime>`. */
  iso: string;
  /** `1 January 1970`, British style as the report is written. */
  display: string;
}

/** Format `date` for the page without depending on the machine's locale or time zone. */
export function shownDate(date: Date): ShownDate {
  const iso = date.toISOString().slice(0, 10);
  return { iso, display: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` };
}
