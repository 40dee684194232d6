/** Hosts known to refuse automated requests with 403 or 999 whatever the page (bot walls). */
const BOT_WALL_HOSTS = ['linkedin.com', 'lnkd.in', 'twitter.com', 'x.com', 'facebook.com', 'instagram.com', 'tiktok.com', 'quora.com'];

/** Response headers that bot-protection services (Cloudflare, DataDome, AWS WAF, PerimeterX, Akamai) set on a challenge. */
const BOT_WALL_HEADERS: [string, RegExp][] = [
  ['cf-mitigated', /./],
  ['x-datadome', /./],
  ['x-dd-b', /./],
  ['x-amzn-waf-action', /./],
  ['x-px-block', /./],
  ['server', /^(?:cloudflare|akamaighost|ddos-guard|sucuri\/cloudproxy)$/i],
];

/**
 * Whether an answer means "a bot was refused" rather than "the page is gone": LinkedIn's
 * 999, a 403 from a host known to refuse checkers, or a 403/429 carrying a bot-protection
 * service's challenge headers.
 */
export function isBotWall(url: URL, status: number, headers: Headers): boolean {
  if (status === 999) return true;
  if (status !== 403 && status !== 429) return false;
  const host = url.hostname.toLowerCase();
  if (status === 403 && BOT_WALL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return true;
  return BOT_WALL_HEADERS.some(([name, pattern]) => {
    const value = headers.get(name);
    return value !== null && pattern.test(value.trim());
  });
}
