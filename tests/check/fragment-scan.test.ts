import { describe, expect, it } from 'vitest';
import { scanForIds } from '../../src/check/external/fragment-scan.js';

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

const found = async (chunks: string[], wanted: string[]) => [...(await scanForIds(streamOf(...chunks), new Set(wanted), 1 << 20)).found].sort();

/** A page where every id-looking string but two is somewhere a browser would not scroll to. */
const TRICKY_PAGE = `<!doctype html>
<html><head>
<title>Not <span id="in-title"> a tag</title>
<meta name="description" content="x"><meta name="viewport" content="width=device-width">
<style>/* <p id="in-style"> */ #x { content: '<a name="in-style-a">' }</style>
<script>document.write('<p id="in-script">'); const s = "<a name='in-script-a'>";</script>
<script type="application/json">{"html": "<div id=\\"in-json\\">"}</script>
</head><body>
<!-- <h2 id="in-comment">old heading</h2> <a name="in-comment-a"> -->
<form><input name="q"><select name="choice"></select><button name="go">Go</button></form>
<textarea><p id="in-textarea"></textarea>
<img name="picture" src="x.png"><iframe name="frame"></iframe>
<p data-id="data-attribute">id="in-text" and name="in-text-name"</p>
<h2 id="real-heading">Real</h2>
<a name="real-anchor"></a>
<DIV ID="Upper-Case-Value">case of the value is kept</DIV>
<p id="caf&eacute;-&#x31;">entities decoded</p>
</body></html>`;

const DECOYS = ['in-title', 'description', 'viewport', 'in-style', 'in-style-a', 'in-script', 'in-script-a', 'in-json', 'in-comment', 'in-comment-a', 'q', 'choice', 'go', 'in-textarea', 'picture', 'frame', 'data-attribute', 'in-text', 'in-text-name'];
const REAL = ['real-heading', 'real-anchor', 'Upper-Case-Value', 'café-1'];

describe('fragment scanning with an HTML tokenizer', () => {
  it('counts only id attributes and <a name>, never ids in comments, scripts, styles, titles, textareas, text, or other elements\' name', async () => {
    expect(await found([TRICKY_PAGE], [...DECOYS, ...REAL])).toEqual([...REAL].sort());
  });

  it('keeps the case of id values and matches them exactly', async () => {
    expect(await found([TRICKY_PAGE], ['upper-case-value', 'Upper-Case-Value'])).toEqual(['Upper-Case-Value']);
  });

  it('gives the same answer wherever the page is cut into chunks', async () => {
    const expected = [...REAL].sort();
    for (let cut = 1; cut < TRICKY_PAGE.length; cut += 7) {
      const result = await found([TRICKY_PAGE.slice(0, cut), TRICKY_PAGE.slice(cut)], [...DECOYS, ...REAL]);
      expect(result, `cut at ${cut}`).toEqual(expected);
    }
  });

  it('is not fooled by a comment or a script that spans chunks', async () => {
    expect(await found(['<p>x</p><!-- <p id="', 'hidden"> --><p id="after">'], ['hidden', 'after'])).toEqual(['after']);
    expect(await found(['<script>var a = "<p id=', '\'hidden\'>";</script><p id="after">'], ['hidden', 'after'])).toEqual(['after']);
  });

  it('stops reading once every wanted id is found, and lists the ids it saw for did-you-mean', async () => {
    const scan = await scanForIds(streamOf('<!-- <p id="a"> --><p id="b">', '<p id="a">', '<p id="c">'), new Set(['a']), 1 << 20);
    expect(scan.end).toBe('stopped');
    expect(scan.ids).toEqual(['b', 'a']);
  });

  it('does not count an unfinished tag at the end of the page', async () => {
    const scan = await scanForIds(streamOf('<p id="a"', ' class="x"'), new Set(['a']), 1 << 20);
    expect([scan.end, [...scan.found]]).toEqual(['complete', []]);
  });
});
