/**
 * The validation worker's entry (file-pool.ts starts it; the work is in file-worker.ts). Node's
 * module compile cache is per thread, so it is turned on here before the checks are loaded:
 * their type-stripped and compiled code then comes from the cache instead of being stripped and
 * compiled again in every worker. The entry is JavaScript so that, with every module in the
 * cache, the thread never loads Node's TypeScript stripper (about 30 ms of a core).
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./file-worker.ts');
