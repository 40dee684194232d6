import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile, foundConfigKey, foundConfigs } from './config-locate.js';
import { parseProjectConfig, type ProjectConfig } from './project-config.js';

export { findConfigFile };
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { decodeSource, displayPath } from '../read/load.js';

/** What looking for lwr.config.yaml found: the config (when there is a usable one) and its problems. */
export interface FoundConfig {
  config?: ProjectConfig;
  /** Problems reading it: fatal ones mean it could not be used. */
  diagnostics: Diagnostic[];
}

/**
 * Find and read the project's lwr.config.yaml, like ESLint and markdownlint: `explicit` (from
 * --config) when given, else the nearest one from `cwd` up. Read once per process.
 */
export function loadProjectConfig(cwd: string, explicit?: string): FoundConfig {
  const key = foundConfigKey(cwd, explicit);
  let result = foundConfigs.get(key);
  if (!result) {
    result = readConfigFile(cwd, explicit);
    foundConfigs.set(key, result);
  }
  return result;
}

function readConfigFile(cwd: string, explicit: string | undefined): FoundConfig {
  const file = explicit ? path.resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return { diagnostics: [] };
  const shown = displayPath(file, cwd);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { diagnostics: [diagnostic('config-invalid', 'error', `config file ${shown} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`}`, { file: shown }, { fatal: true })] };
  }
  const decoded = decodeSource(bytes, shown);
  if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic] };
  return parseProjectConfig(decoded.text!, file, shown);
}
