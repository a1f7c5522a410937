/** Dates as the content holds them (YYYY-MM-DD strings) and as readers see them. */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Expected a date written YYYY-MM-DD, found "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** "14 March 2025", the GOV.UK style. */
export function formatDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function yearOf(date: string): string {
  return String(parts(date)[0]);
}

/** The quarter a date falls in, as an id such as `2025-q1`. */
export function quarterOf(date: string): string {
  const [y, m] = parts(date);
  return `${y}-q${Math.floor((m - 1) / 3) + 1}`;
}

/** "January to March 2025" for `2025-q1`. */
export function quarterName(quarter: string): string {
  const m = /^(\d{4})-q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`Expected a quarter such as 2025-q1, found "${quarter}"`);
  const q = Number(m[2]);
  return `${MONTHS[(q - 1) * 3]} to ${MONTHS[(q - 1) * 3 + 2]} ${m[1]}`;
}

/** Midday UTC on that day, so that no time zone moves it to another day (feeds need a Date). */
export function toDate(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** Newest first, then by id for a stable order. */
export function byDateDesc<T>(dateOf: (item: T) => string, idOf: (item: T) => string) {
  return (a: T, b: T): number => {
    const da = dateOf(a);
    const db = dateOf(b);
    if (da !== db) return da < db ? 1 : -1;
    const ia = idOf(a);
    const ib = idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
}
