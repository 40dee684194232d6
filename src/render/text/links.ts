/**
 * Numbers for the links of the text edition. Footnotes keep the model's numbers (so "note 2"
 * means the same note in every edition); links are numbered after the last footnote, across
 * the whole report, so no `[n]` ever means two things. A URL keeps its number wherever it recurs.
 */
export class LinkReferences {
  private readonly numbers = new Map<string, number>();
  private next: number;
  private cited: { number: number; url: string }[] = [];

  constructor(lastFootnoteNumber: number) {
    this.next = lastFootnoteNumber + 1;
  }

  /** The number of a URL, noted as cited in the current section. */
  cite(url: string): number {
    let number = this.numbers.get(url);
    if (number === undefined) {
      number = this.next++;
      this.numbers.set(url, number);
    }
    if (!this.cited.some((c) => c.number === number)) this.cited.push({ number, url });
    return number;
  }

  /** The links cited since the last call, in order of first citation, to list after a section. */
  takeCited(): { number: number; url: string }[] {
    const cited = this.cited;
    this.cited = [];
    return cited;
  }
}
