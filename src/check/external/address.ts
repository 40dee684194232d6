import { BlockList, isIP } from 'node:net';

/** What kind of network an address is on. Only `public` addresses are on the internet. */
export type AddressClass = 'loopback' | 'private' | 'link-local' | 'public';

const ranges: [AddressClass, string, number, 'ipv4' | 'ipv6'][] = [
  // "This host" (0.0.0.0 reaches the machine itself on Linux) and loopback.
  ['loopback', '0.0.0.0', 8, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['loopback', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  // RFC 1918, carrier-grade NAT (RFC 6598) and IPv6 unique local addresses.
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['private', '100.64.0.0', 10, 'ipv4'],
  ['private', 'fc00::', 7, 'ipv6'],
  // Link-local, where cloud metadata services live (169.254.169.254).
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['link-local', 'fe80::', 10, 'ipv6'],
];

const lists = new Map<AddressClass, BlockList>();
for (const [kind, network, prefix, family] of ranges) {
  const list = lists.get(kind) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  lists.set(kind, list);
}

/** The class of an IP address (IPv4-mapped IPv6 addresses count as their IPv4 address). */
export function addressClass(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare) === 6 ? 'ipv6' : 'ipv4';
  for (const [kind, list] of lists) if (list.check(bare, family)) return kind;
  return 'public';
}

/** The IP address a URL's host is written as, or undefined when it is a name. */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? host : undefined;
}

/** The least public of several classes: a name that resolves to any private address is private. */
export function leastPublic(classes: readonly AddressClass[]): AddressClass | undefined {
  for (const kind of ['loopback', 'link-local', 'private', 'public'] as const) if (classes.includes(kind)) return kind;
  return undefined;
}

/** "a link-local address", for messages. */
export const describeClass = (kind: AddressClass): string => (kind === 'public' ? 'a public address' : `a ${kind} address`);
