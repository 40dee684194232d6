/**
 * Ids the HTML page uses for itself (the page shell in templates/html, and lwr watch's problem
 * banner), with what each is. An anchor from the content with one of these ids would give the
 * page two elements with one id: links and the skip link would land on either.
 * tests/hardening/file-system.test.ts keeps this list equal to the templates' own ids.
 */
export const PAGE_IDS: Readonly<Record<string, string>> = {
  main: 'the main content',
  'contents-title': 'the table of contents title',
  'lwr-problem-banner': "lwr watch's problem banner",
};
