import GithubSlugger from 'github-slugger';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LWR_TOOL } from '../../src/cli/check.js';
import { RULES, type RuleInfo } from '../../src/check/rules.js';
import { expectToMatchFile, ROOT } from '../support/report.js';

const RULES_DOC = path.join(ROOT, 'docs/rules.md');

/** docs/rules.md as generated from the rule list: one section (and so one anchor) per rule. */
function rulesDocument(rules: readonly RuleInfo[]): string {
  const sections = rules.map((r) => `## \`${r.id}\`\n\n${r.family} · ${r.severity} by default\n\n${r.description}\n`);
  return [
    '# Rules',
    '',
    '<!-- Generated from src/check/rules.ts by tests/check/rules-doc.test.ts: `npm run test:update` rewrites it. -->',
    '',
    'Every rule `lwr check` knows, as `lwr check --list-rules` prints them; the SARIF output links',
    "each rule here (`helpUri`). Change a rule's severity, or turn it `off`, with `rules:` in",
    '`content/report.yaml` or `lwr.config.yaml`; silence it with an lwr-ignore comment',
    '(`docs/content-conventions.md`). Most errors of the `content` family mean the content (or the',
    'command line) cannot be used: `lwr check` stops there, with exit code 2. A misspelt front-matter',
    'key (`front-matter-field`, with a did-you-mean) and the family\'s warnings leave the file readable.',
    '',
    ...sections.flatMap((s) => [s]),
  ].join('\n');
}

describe('docs/rules.md', () => {
  it('has one section per rule, generated from the rule list', () => {
    expectToMatchFile(rulesDocument(RULES), RULES_DOC);
  });

  it('has the anchor every rule\'s helpUri points to, as GitHub makes heading anchors', () => {
    const slugger = new GithubSlugger();
    const anchors = new Set([...readFileSync(RULES_DOC, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!.replace(/`/g, ''))));
    for (const rule of LWR_TOOL.rules) {
      const url = new URL(rule.helpUri!);
      expect(url.pathname.endsWith('/docs/rules.md'), rule.helpUri).toBe(true);
      expect(anchors.has(url.hash.slice(1)), rule.id).toBe(true);
    }
  });
});
