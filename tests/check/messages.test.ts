import { describe, expect, it } from 'vitest';
import { looksLikeLostLink } from '../../src/check/links/lost-links.js';
import { checkFixture } from './support.js';

const find = async (fixture: string, ruleId: string) => (await checkFixture(fixture)).filter((d) => d.ruleId === ruleId);

describe('diagnostics say what is wrong and how to fix it', () => {
  it('suggests the closest anchor for a mistyped #fragment', async () => {
    expect((await find('link-fragment-missing', 'link-fragment-missing')).map((d) => d.hint)).toEqual([
      'did you mean #learning-2?',
      'lwr model lists every anchor in "anchors"',
      'did you mean #first?',
    ]);
  });

  it('suggests the closest file for a missing relative file, in its folder', async () => {
    expect((await find('link-file-missing', 'link-file-missing')).map((d) => d.hint)).toEqual(['did you mean images/logo.svg?', 'did you mean 02-other.md?', undefined]);
  });

  it('never looks at a path outside the content folder', async () => {
    const asked: string[] = [];
    await checkFixture('link-path-escapes', { fileExists: (p) => (asked.push(p), true) });
    expect(asked.map((p) => p.replace(/\\/g, '/')).every((p) => p.endsWith('content/01-escapes.md'))).toBe(true);
  });

  it('skips the file-exists rule when no file-exists function is given (checks stay pure); links to Markdown files are judged from the model alone', async () => {
    expect((await checkFixture('link-file-missing', { fileExists: undefined })).filter((d) => d.ruleId === 'link-file-missing').map((d) => d.url)).toEqual(['02-othr.md#top']);
  });

  it('keeps the url of the link on link diagnostics', async () => {
    expect((await find('link-unsafe-scheme', 'link-unsafe-scheme')).map((d) => d.url)).toEqual(['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'VBScript:msgbox']);
  });

  it('suggests the known rule for a misspelt rule id in report.yaml', async () => {
    expect((await find('severity-overrides', 'rule-unknown')).map((d) => d.hint)).toEqual(['did you mean "link-placeholder"?']);
  });
});

describe('the lost-link heuristic', () => {
  it.each([
    'Read more about the challenges facing the UK\'s mental health systems here',
    'You can read more about our methodology, approach and support here.',
    'If you are interested, you can read more about our approach here.',
    'Find out how the sites did it here.',
    'Explore in more depth what a thriving system looks like here',
    'Listen to the podcast series here!',
    'Click here to read the full report.',
  ])('takes "%s" for an invitation whose link was lost', (sentence) => {
    expect(looksLikeLostLink(sentence)).toBe(true);
  });

  it.each([
    'Here we share an overview of this learning.',
    'We learn a lot from being here.',
    'The answer is that the work starts here.',
    'Why we are here: to support practitioners.',
    'If you are here, you can read more below.',
    'Read more about it in the appendix.',
    'People who read the report are here.',
  ])('does not take the ordinary sentence "%s" for one', (sentence) => {
    expect(looksLikeLostLink(sentence)).toBe(false);
  });
});
