import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import { parseAccept } from '../check/external/accept.js';
import { EXTERNAL_DEFAULTS, LINK_DEADLINE_TIMEOUTS } from '../check/external/options.js';
import { parseCount, parseDuration } from '../check/external/parse.js';
import { RULES } from '../check/rules.js';
import type { ToolDescriptor } from '../format/check-run.js';
import type { ExternalFlags } from './check-external.js';
import { CHECK_FORMATS, type CheckFormat } from './check-formats.js';
import { LWR_VERSION, ruleHelpUri, LWR_INFORMATION_URI } from '../package-info.js';

export interface CheckCommandOptions extends ExternalFlags {
  format: CheckFormat;
  maxWarnings?: number;
  listRules?: boolean;
  external?: boolean;
  offline?: boolean;
}

/** Wrap a parser so a bad value is a usage error (exit 2) with a readable message. */
const usage =
  <T>(parse: (text: string) => T) =>
  (text: string): T => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** lwr as the machine formats name it: version, docs, and every rule with its docs anchor. */
export const LWR_TOOL: ToolDescriptor = {
  name: 'lwr',
  version: LWR_VERSION,
  informationUri: LWR_INFORMATION_URI,
  rules: RULES.map((r) => ({ ...r, helpUri: ruleHelpUri(r.id) })),
};

/** `lwr check [links|attribution|images] [files…]`: run the rules, print diagnostics, exit 1 on errors. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check links, attribution, images and fonts; exit 1 when there are errors (or too many warnings)')
    .addArgument(new Argument('[targets...]', 'links, attribution, images or fonts to run one family of rules; then files or folders of the content to report on (default: all)'))
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', usage(parseCount))
    .option('--list-rules', 'print every rule: id, family, default severity, description')
    .option('--external', 'also check external links over the network')
    .option('--offline', 'never use the network (wins over --external and the config)')
    .option('--timeout <ms>', 'time allowed for one request', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.timeoutMs)
    .option('--link-deadline <ms>', `time allowed for one link in all: retries, Retry-After waits, redirects (default: ${LINK_DEADLINE_TIMEOUTS} × --timeout)`, usage((t) => parseCount(t, 1)))
    .option('--exclude-private', 'do not check links to private addresses (10/8, 172.16/12, 192.168/16, fc00::/7), nor follow redirects there')
    .option('--exclude-link-local', 'do not check links to link-local addresses (169.254/16, fe80::/10), nor follow redirects there')
    .option('--exclude-loopback', 'do not check links to loopback addresses (127/8, ::1, localhost), nor follow redirects there')
    .option('--exclude-all-private', 'all three of the above')
    .option('--concurrency <n>', 'requests in flight at once', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.concurrency)
    .option('--host-concurrency <n>', 'requests in flight at once to one host', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.hostConcurrency)
    .option('--retries <n>', 'retries after network errors, timeouts and 5xx', usage(parseCount), EXTERNAL_DEFAULTS.retries)
    .option('--max-redirects <n>', 'redirects followed before giving up', usage(parseCount), EXTERNAL_DEFAULTS.maxRedirects)
    .option('--accept <codes>', 'accepted status codes, e.g. 200-299,403', usage((t) => (parseAccept(t), t)), '200-299')
    .option('--include <regex>', 'check only external URLs matching this (repeatable)', collect, [])
    .option('--exclude <regex>', 'do not check external URLs matching this (repeatable)', collect, [])
    .option('--cache [file]', 'keep external results between runs (default file .lwr-cache/links.json)')
    .option('--cache-ttl <duration>', 'how long cached results are trusted, e.g. 30m, 12h, 7d', usage((t) => (parseDuration(t), t)), '1d')
    .addHelpText(
      'after',
      '\nFlags override lwr.config.yaml, which is found by walking up from the working folder.\n\nExit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or unreadable content.\n\nExamples:\n  $ lwr check\n  $ lwr check content/08-whole-system.md     # report on one file (a pre-commit hook)\n  $ lwr check links --external --cache\n  $ lwr check --format github                # annotations in GitHub Actions\n  $ lwr check --format sarif > lwr.sarif\n  $ lwr check --format junit > lwr-junit.xml',
    )
    // Loaded only when the command runs: lwr starts without the code of the commands it does not run.
    .action(async (args: string[], opts: CheckCommandOptions, command: Command) => (await import('./check-action.js')).runCheck(args, opts, command));
}
