/**
 * A caption naming both sides of a comparison, made from the two side headings' shared
 * words: "Characteristics of mechanistic systems" and "Characteristics of relational
 * systems" give "Characteristics of mechanistic and relational systems". Headings that
 * share nothing are joined as they are.
 */
export function comparisonCaption(left: string, right: string): string {
  const a = left.split(/\s+/).filter(Boolean);
  const b = right.split(/\s+/).filter(Boolean);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  if (middleA.length === 0 || middleB.length === 0 || prefix + suffix === 0) return `${left} and ${right}`;
  return [...a.slice(0, prefix), ...middleA, 'and', ...middleB, ...a.slice(a.length - suffix)].join(' ');
}
