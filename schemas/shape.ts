/** Walks a zod schema to find the field names allowed at a path (for "did you mean" hints). */
import { z } from 'zod';

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    const def = (s as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } })._zod
      .def;
    if (def.innerType) s = def.innerType;
    else if (s instanceof z.ZodPipe && def.in) s = def.in;
    else break;
  }
  return s;
}

export function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let s = unwrap(schema);
  for (const step of path) {
    if (typeof step === 'number') {
      if (!(s instanceof z.ZodArray)) return [];
      s = unwrap(s.element as z.ZodType);
    } else {
      if (!(s instanceof z.ZodObject)) return [];
      const next = (s.shape as Record<string, z.ZodType>)[step];
      if (!next) return [];
      s = unwrap(next);
    }
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}
