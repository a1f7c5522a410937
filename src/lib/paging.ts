/** Splitting lists into pages of a fixed size, with the params of `[...page]` routes. */
export const PAGE_SIZE = 20;

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export function pageSlice<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** `[...page]` param for each page: undefined for the first (the list's own address), then "2", "3" … */
export function pageParams(total: number, size = PAGE_SIZE): { page: string | undefined; number: number }[] {
  return Array.from({ length: pageCount(total, size) }, (_, i) => ({ page: i === 0 ? undefined : String(i + 1), number: i + 1 }));
}
