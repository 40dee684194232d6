import { statSync } from 'node:fs';
import path from 'node:path';
import type { FoundConfig } from './config-file.js';

/** The names lwr.config.yaml may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['lwr.config.yaml', 'lwr.config.yml'] as const;

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The nearest lwr.config.yaml: in `from`, then in each folder above it, up to the file system's root. */
export function findConfigFile(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const name = CONFIG_FILE_NAMES.find((n) => isFile(path.join(dir, n)));
    if (name) return path.join(dir, name);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** What was found for a working folder and --config, once per process. */
export const foundConfigs = new Map<string, FoundConfig>();
export const foundConfigKey = (cwd: string, explicit: string | undefined): string => `${cwd}\0${explicit ?? ''}`;

/**
 * Find and read lwr.config.yaml for the run before any command needs it. The YAML parser and
 * the schema (yaml, zod) are loaded only when there is a file to read: a project without one
 * never loads them.
 */
export async function preloadProjectConfig(cwd: string, explicit?: string): Promise<void> {
  const key = foundConfigKey(cwd, explicit);
  if (foundConfigs.has(key)) return;
  if (!explicit && !findConfigFile(cwd)) {
    foundConfigs.set(key, { diagnostics: [] });
    return;
  }
  (await import('./config-file.js')).loadProjectConfig(cwd, explicit);
}

/** What preloadProjectConfig found (the CLI preloads it before every command). */
export function preloadedProjectConfig(cwd: string, explicit?: string): FoundConfig {
  const found = foundConfigs.get(foundConfigKey(cwd, explicit));
  if (!found) throw new Error('lwr: lwr.config.yaml was not looked for before the command ran');
  return found;
}
