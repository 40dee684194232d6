import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ruleDiagnostic } from '../check/rule-diagnostic.js';
import { ruleIds, ruleInfo } from '../check/rules.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { schemaIssuesToDiagnostics } from '../read/schema-issues.js';
import { didYouMean } from '../model/suggest.js';
import { lineForPath, yamlKeyLines } from '../read/yaml-positions.js';
import { externalSectionShape, type ConfiguredExternalOptions } from './external.js';

/** The names lwr looks for, in each folder from the working folder up. */
export { CONFIG_FILE_NAMES } from './config-locate.js';

const severity = z.enum(['error', 'warning', 'info', 'off']);
const globs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const ignoreEntry = z.union([
  z.string().min(1).describe('a glob of files in which every rule is silenced'),
  z.strictObject({ files: globs.describe('globs of files, relative to this file'), rules: z.array(z.string()).min(1).describe('the rules silenced in those files') }),
]);

const configShape = {
  $schema: z.string().describe('the JSON Schema of this file, for editors').optional(),
  content: z.string().min(1).describe('the content folder, relative to this file (default: content)').optional(),
  out: z.string().min(1).describe('the output folder of lwr build and lwr clean, relative to this file (default: dist)').optional(),
  rules: z.record(z.string(), severity).describe("rule severities, over report.yaml's rules: (error, warning, info or off)").optional(),
  ignores: z.array(ignoreEntry).describe('files in which rules are silenced, by glob relative to this file').optional(),
  external: z.strictObject(Object.fromEntries(Object.entries(externalSectionShape).map(([k, s]) => [k, s.optional()])) as { [K in keyof typeof externalSectionShape]: z.ZodOptional<(typeof externalSectionShape)[K]> }).describe('external link checks (lwr check --external)').optional(),
};

/** lwr.config.yaml, validated: every key optional. */
export const ProjectConfigSchema = z.strictObject(configShape).describe('lwr.config.yaml: how lwr runs in this project (found by walking up from the working folder)');

/** lwr.config.yaml, read: paths made absolute against the config file's folder. */
export interface ProjectConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Its folder: relative paths in the file are relative to it. */
  dir: string;
  /** Absolute path of the content folder (`content` beside the file when not set). */
  content: string;
  /** Absolute path of the output folder, when set. */
  out?: string;
  rules: Record<string, z.output<typeof severity>>;
  /** Globs relative to `dir`, and the rules silenced in matching files (all rules when absent). */
  ignores: { files: string[]; rules?: string[] }[];
  external: ConfiguredExternalOptions & { enabled?: boolean; cache?: string | false; cacheTtlMs?: number };
}

/** The JSON Schema of lwr.config.yaml (2020-12), derived from its zod schema. */
export function projectConfigJsonSchema(): Record<string, unknown> {
  return { $id: 'https://living-well-report.invalid/schema/lwr.config.json', ...z.toJSONSchema(ProjectConfigSchema, { io: 'input', target: 'draft-2020-12' }) };
}

const DEFAULT_CACHE_FILE = '.lwr-cache/links.json';

/**
 * Read lwr.config.yaml's text. Every problem is a diagnostic at its line: a fatal
 * `config-invalid` for YAML or schema errors, a `rule-unknown` warning for a rule id lwr does
 * not know (that setting is dropped). `shownFile` is the path diagnostics name.
 */
export function parseProjectConfig(text: string, file: string, shownFile: string): { config?: ProjectConfig; diagnostics: Diagnostic[] } {
  const at = (line = 1) => ({ file: shownFile, line, column: 1 });
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return { diagnostics: doc.errors.map((e) => diagnostic('config-invalid', 'error', `${path.basename(file)} is not valid YAML: ${e.message.split('\n')[0]}`, { file: shownFile, line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1 }, { fatal: true })) };
  }
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (error) {
    return { diagnostics: [diagnostic('config-invalid', 'error', `${path.basename(file)} cannot be read: ${(error as Error).message}`, at(), { fatal: true })] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { diagnostics: [diagnostic('config-invalid', 'error', `${path.basename(file)} must be a mapping of keys to values`, at(), { fatal: true })] };
  }
  const keyLines = yamlKeyLines(text);
  const parsed = ProjectConfigSchema.safeParse(data);
  if (!parsed.success) {
    return {
      diagnostics: schemaIssuesToDiagnostics(parsed.error.issues, {
        ruleId: 'config-invalid',
        file: shownFile,
        keyLines,
        lineOffset: 0,
        knownKeys: (p) => (p.length === 0 ? Object.keys(configShape) : p[0] === 'external' ? Object.keys(externalSectionShape) : p[0] === 'ignores' ? ['files', 'rules'] : []),
      }),
    };
  }
  const c = parsed.data;
  const dir = path.dirname(file);
  const diagnostics: Diagnostic[] = [];
  const knownRule = (id: string, where: (string | number)[]) => {
    if (ruleInfo(id)) return true;
    const suggestion = didYouMean(id, ruleIds());
    diagnostics.push(ruleDiagnostic('rule-unknown', `${path.basename(file)} names rule "${id}", which lwr does not know`, at(lineForPath(keyLines, where)), { hint: suggestion ? `did you mean "${suggestion}"?` : 'lwr check --list-rules lists every rule' }));
    return false;
  };
  const rules = Object.fromEntries(Object.entries(c.rules ?? {}).filter(([id]) => knownRule(id, ['rules', id])));
  const ignores = (c.ignores ?? []).map((entry, i) => {
    if (typeof entry === 'string') return { files: [entry] };
    return { files: typeof entry.files === 'string' ? [entry.files] : entry.files, rules: entry.rules.filter((id, r) => knownRule(id, ['ignores', i, 'rules', r])) };
  });
  const { enabled, cache, cacheTtl, ...options } = c.external ?? {};
  const external: ProjectConfig['external'] = { ...(options as ConfiguredExternalOptions) };
  if (enabled !== undefined) external.enabled = enabled;
  if (cache !== undefined) external.cache = cache === false ? false : path.resolve(dir, cache === true ? DEFAULT_CACHE_FILE : cache);
  if (cacheTtl !== undefined) external.cacheTtlMs = cacheTtl;
  const config: ProjectConfig = { file, dir, content: path.resolve(dir, c.content ?? 'content'), rules, ignores, external };
  if (c.out) config.out = path.resolve(dir, c.out);
  return { config, diagnostics };
}
