/**
 * Cross-field rules shared by the record schemas. They run even when other fields failed
 * (so every problem is reported in one pass) and therefore check types defensively.
 */
import type { z } from 'zod';
import { ruleParams } from './rule-ids.ts';
import { isCalendarDate, today } from './today.ts';

type Ctx = z.RefinementCtx;
type Rec = Record<string, unknown>;

const isDateString = (v: unknown): v is string => typeof v === 'string' && isCalendarDate(v);

/** `public` may be true only when `classification` is official. */
export function publicNeedsOfficial(record: Rec, ctx: Ctx): void {
  if (
    record.public === true &&
    record.classification !== undefined &&
    record.classification !== 'official'
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['public'],
      message: `public: true is allowed only with classification official, found classification "${String(record.classification)}"`,
      params: ruleParams('cross-field/public'),
    });
  }
}

/** `field` must not be before `earlier` (reported at `field`). */
export function notBefore(
  record: Rec,
  ctx: Ctx,
  field: string,
  earlier: string,
  strictlyAfter = false,
): void {
  const a = record[field];
  const b = record[earlier];
  if (!isDateString(a) || !isDateString(b)) return;
  if (strictlyAfter ? a <= b : a < b) {
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: `${field} ${a} is ${strictlyAfter && a === b ? 'the same day as' : 'before'} ${earlier} ${b}; expected a date ${strictlyAfter ? 'after' : 'on or after'} ${earlier}`,
      params: ruleParams('cross-field/date-order'),
    });
  }
}

/** `field` must not be in the future (today is JOL_TODAY or the current date). */
export function notAfterToday(record: Rec, ctx: Ctx, field: string): void {
  const value = record[field];
  const now = today();
  if (isDateString(value) && value > now) {
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: `${field} ${value} is in the future; expected a date on or before today (${now})`,
      params: ruleParams('cross-field/future-date'),
    });
  }
}
