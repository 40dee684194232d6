import { lookup as dnsLookup } from 'node:dns/promises';
import { addressClass, leastPublic, literalAddress, type AddressClass } from './address.js';

/** Resolves a host name to its IP addresses; rejects with the resolver's error code. */
export type Lookup = (hostname: string) => Promise<string[]>;

/** The system resolver (getaddrinfo, as fetch itself uses). */
export const systemLookup: Lookup = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** What resolving a host name gave: its addresses, or the error code. */
export type HostAnswer = { addresses: string[]; error?: undefined } | { error: string; addresses?: undefined };

/** Error codes that mean "no network" rather than "no such page": no resolver, no route. */
export const NETWORK_DOWN = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);

/** Host names resolved once per run, shared by every request to the same host. */
export class HostResolver {
  private readonly answers = new Map<string, Promise<HostAnswer>>();

  constructor(private readonly lookup: Lookup | undefined) {}

  /** Whether this run can resolve names (not when a test's fake network is in use). */
  get enabled(): boolean {
    return this.lookup !== undefined;
  }

  /** Resolve a host name (cached); undefined when lookups are off. */
  resolve(hostname: string): Promise<HostAnswer> | undefined {
    if (!this.lookup) return undefined;
    let answer = this.answers.get(hostname);
    if (!answer) {
      answer = this.lookup(hostname).then(
        (addresses): HostAnswer => (addresses.length ? { addresses } : { error: 'ENOTFOUND' }),
        (error: unknown): HostAnswer => ({ error: (error as NodeJS.ErrnoException).code ?? 'ENOTFOUND' }),
      );
      this.answers.set(hostname, answer);
    }
    return answer;
  }

  /**
   * Where a URL leads: the class of its literal address, or the least public class of the
   * addresses its name resolves to; undefined when that cannot be known (no lookups, or the
   * name does not resolve, which the request then reports).
   */
  async classOf(url: URL): Promise<AddressClass | undefined> {
    const literal = literalAddress(url);
    if (literal) return addressClass(literal);
    const answer = await this.resolve(url.hostname);
    return answer?.addresses ? leastPublic(answer.addresses.map(addressClass)) : undefined;
  }
}

/**
 * Decides once whether the network is there at all: when every page's host is a name and
 * not one of them resolves (or can be routed to), the run says so once instead of reporting
 * every link broken after retries. A single literal address, or a single name that resolves,
 * means the network is up.
 */
export class NetworkProbe {
  /** Resolves to the error codes when the network is unreachable, else to undefined. */
  readonly unreachable: Promise<string[] | undefined>;

  constructor(urls: readonly string[], hosts: HostResolver) {
    const parsed = urls.map((u) => new URL(u));
    if (!hosts.enabled || parsed.length === 0 || parsed.some((u) => literalAddress(u) !== undefined)) {
      this.unreachable = Promise.resolve(undefined);
      return;
    }
    const names = [...new Set(parsed.map((u) => u.hostname))];
    this.unreachable = Promise.all(names.map((name) => hosts.resolve(name)!)).then((answers) => {
      if (!answers.every((a) => a.error !== undefined && NETWORK_DOWN.has(a.error))) return undefined;
      const codes = [...new Set(answers.map((a) => a.error!))];
      // One name that does not exist (ENOTFOUND) is a dead link, not a dead network.
      return names.length >= 2 || codes.some((code) => code !== 'ENOTFOUND') ? codes : undefined;
    });
  }
}
