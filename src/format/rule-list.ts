/** The rule table `lwr check --list-rules` prints: id, family, default severity, description. */
export function formatRuleList(rules: readonly { id: string; family: string; severity: string; description: string }[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const familyWidth = Math.max(...rules.map((r) => r.family.length));
  return `${rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.family.padEnd(familyWidth)}  ${r.severity.padEnd(7)}  ${r.description}`).join('\n')}\n`;
}
