/** Splitting lists into pages of a fixed size, with the params of `[...page]` routes. */
/**
 * Lessons per list page. Fifty keeps a page light (about 10 KB of HTML compressed) while a
 * national library of 10,000 lessons, listed under every topic a lesson has, needs about
 * 3,000 list pages rather than 7,500: each page costs build time whatever it holds.
 */
export const PAGE_SIZE = 50;

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export function pageSlice<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** `[...page]` param for each page: undefined for the first (the list's own address), then "2", "3" … */
export function pageParams(
  total: number,
  size = PAGE_SIZE,
): { page: string | undefined; number: number }[] {
  return Array.from({ length: pageCount(total, size) }, (_, i) => ({
    page: i === 0 ? undefined : String(i + 1),
    number: i + 1,
  }));
}
