/**
 * The wait a Retry-After header asks for, in ms: delay-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"). Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff: base, 2×base, 4×base…, with up to a quarter more at random so retries spread out. */
export const backoffMs = (base: number, attempt: number): number => base * 2 ** attempt * (1 + Math.random() / 4);
