/**
 * `node scripts/validate.ts` runs the validator as `npm run validate` does (scripts/validate.mjs,
 * whose JavaScript entry starts faster).
 */
await import('./validate.mjs');
