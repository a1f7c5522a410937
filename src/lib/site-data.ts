/**
 * The one place pages get their data: the edition's records (loaded once per build, see
 * src/lib/site-content.ts) as a Library, memoised for the whole build; the site settings;
 * the URL helpers.
 */
import { siteConfig } from './config.ts';
import { siteContent } from './site-content.ts';
import type { Library } from './library.ts';
import { libraryFromStored } from './stored-library.ts';
import { createUrls } from './urls.ts';

export const config = siteConfig();
export const urls = createUrls(config);
/** The name and licence statement the feeds carry. */
export const feedSite = { name: config.name, rights: config.editionText.licence };

let library: Promise<Library> | undefined;

async function build(): Promise<Library> {
  return libraryFromStored(await siteContent(), config.today);
}

export function getLibrary(): Promise<Library> {
  library ??= build();
  return library;
}
