/** The part of `linebreak` (UAX #14, the Unicode Line Breaking Algorithm) lwr uses. */
declare module 'linebreak' {
  export interface Break {
    /** Offset (UTF-16 units) where a line may start. */
    position: number;
    /** A mandatory break (a newline), not just an opportunity. */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
