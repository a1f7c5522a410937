/** Where the content lives: JOL_CONTENT_DIR, absolute or relative to the working directory, else ./content. */
import path from 'node:path';

export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const dir = env.JOL_CONTENT_DIR;
  return path.resolve(cwd, dir && dir.trim() !== '' ? dir : 'content');
}

/** A path as shown to the user: relative to the working directory when inside it. */
export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel)
    ? rel.split(path.sep).join('/')
    : abs;
}
