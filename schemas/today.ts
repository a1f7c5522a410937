/**
 * "Today" for every date rule and for the build: the current date, unless the environment
 * variable JOL_TODAY=YYYY-MM-DD fixes it (reproducible tests and reviews). The clock is a
 * parameter (milliseconds since the epoch, `Date.now` by default) so that tests can pin it.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

let memo: { key: string | undefined; value: string; day: number } | undefined;

export function today(
  env: Record<string, string | undefined> = globalThis.process?.env ?? {},
  clock: () => number = Date.now,
): string {
  const fixed = env.JOL_TODAY;
  // One reading of the clock: the memo's day and the date returned are the same instant's.
  const now = clock();
  const day = Math.floor(now / 86_400_000);
  if (memo && memo.key === fixed && memo.day === day) return memo.value;
  const value = computeToday(fixed, now);
  memo = { key: fixed, value, day };
  return value;
}

function computeToday(fixed: string | undefined, now: number): string {
  if (fixed !== undefined && fixed !== '') {
    if (!ISO_DATE.test(fixed) || !isCalendarDate(fixed)) {
      throw new Error(`JOL_TODAY must be a date written YYYY-MM-DD, found "${fixed}"`);
    }
    return fixed;
  }
  return new Date(now).toISOString().slice(0, 10);
}

/** True when a YYYY-MM-DD string names a day that exists in the calendar. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[mo - 1]!;
}
