import path from 'node:path';

/** The cache folder's name, in the project (beside lwr.config.yaml, else beside the content folder). */
export const CACHE_FOLDER = '.lwr-cache';

/** Where lwr's cache is, whether or not it is turned off: the project's `.lwr-cache/`. */
export const cachePath = (configDir: string | undefined, contentDir: string): string => path.join(configDir ?? path.dirname(path.resolve(contentDir)), CACHE_FOLDER);

/**
 * Where lwr keeps its cache: `.lwr-cache/` beside lwr.config.yaml when there is one, else
 * beside the content folder (in the project, where `dist/` goes); undefined when LWR_CACHE is
 * `off` (or `0`, `false`), which turns every cache off.
 */
export function cacheFolder(configDir: string | undefined, contentDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.LWR_CACHE?.trim().toLowerCase();
  if (setting === 'off' || setting === '0' || setting === 'false') return undefined;
  return cachePath(configDir, contentDir);
}
