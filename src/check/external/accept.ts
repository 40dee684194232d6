/** An inclusive range of HTTP status codes. */
export interface StatusRange {
  from: number;
  to: number;
}

export const DEFAULT_ACCEPT: readonly StatusRange[] = [{ from: 200, to: 299 }];

/** Parse "200-299,403" into ranges; throws a readable error on anything else. */
export function parseAccept(text: string): StatusRange[] {
  return text.split(',').map((part) => {
    const match = /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(part);
    if (!match) throw new Error(`"${part.trim()}" is not a status code or a range such as 200-299`);
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (to < from) throw new Error(`"${part.trim()}" is an empty range`);
    return { from, to };
  });
}

/** Whether a status code is accepted. */
export const isAccepted = (status: number, accept: readonly StatusRange[]): boolean => accept.some((r) => status >= r.from && status <= r.to);

/** The ranges as text, for cache fingerprints and messages. */
export const acceptText = (accept: readonly StatusRange[]): string => accept.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(',');
