/**
 * The baseline the bench compares the product's build with: a bare Astro + Pagefind site on the
 * same corpus, as someone would start one — one plain page per lesson (its title and Markdown
 * body, through Astro's content layer and glob loader), built by Astro, then Pagefind's CLI
 * over the built HTML. No layout, no other pages, no feeds, no validation.
 *
 * The site is written to a folder of its own (outside the project's src/, in the bench's
 * temporary folder), with the project's node_modules linked in so that it builds with the same
 * Astro and Pagefind; its output and caches stay in that folder (Astro puts its prerender chunks
 * in the output, and they must find node_modules).
 */
import fs from 'node:fs';
import path from 'node:path';

const CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({
  outDir: process.env.BASELINE_OUT_DIR,
  cacheDir: process.env.BASELINE_CACHE_DIR + '/astro',
  devToolbar: { enabled: false },
  vite: { cacheDir: process.env.BASELINE_CACHE_DIR + '/vite' },
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  lessons: defineCollection({ loader: glob({ pattern: '*.md', base: process.env.BASELINE_LESSONS }) }),
};
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('lessons')).map((lesson) => ({ params: { id: lesson.id }, props: { lesson } }));
}
const { lesson } = Astro.props;
const { Content } = await render(lesson);
---
<html lang="en"><head><meta charset="utf-8" /><title>{lesson.data.title}</title></head>
<body><main><h1>{lesson.data.title}</h1><p>{lesson.data.summary}</p><Content /></main></body></html>
`;

export interface BaselineSite {
  /** The site's folder (its Astro project). */
  root: string;
  /** The environment to build it with. */
  env: NodeJS.ProcessEnv;
  /** Its output folder. */
  outDir: string;
  /** Command lines (after node) to build it, then to index it. */
  astro: string[];
  pagefind: string[];
}

/** Writes the baseline site into `folder` for the lessons of `contentRoot`. */
export function writeBaselineSite(
  folder: string,
  contentRoot: string,
  project: string,
): BaselineSite {
  const outDir = path.join(folder, 'dist');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(path.join(folder, 'src', 'pages', 'lessons', '[id]'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), '{ "type": "module", "private": true }\n');
  fs.writeFileSync(path.join(folder, 'astro.config.mjs'), CONFIG);
  fs.writeFileSync(path.join(folder, 'src', 'content.config.ts'), CONTENT_CONFIG);
  fs.writeFileSync(path.join(folder, 'src', 'pages', 'lessons', '[id]', 'index.astro'), PAGE);
  fs.symlinkSync(path.join(project, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  return {
    root: folder,
    outDir,
    env: {
      BASELINE_OUT_DIR: outDir,
      BASELINE_CACHE_DIR: path.join(folder, '.cache'),
      BASELINE_LESSONS: path.join(contentRoot, 'lessons'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    astro: [path.join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    pagefind: [
      path.join(project, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'),
      '--site',
      outDir,
    ],
  };
}
