// Runs lwr's CLI (the bundle `npm run build` makes) in this process with the arguments given,
// then prints the process's peak resident memory, all threads included, as the last line of
// stderr: "peak-rss-kb N". For tests that hold lwr to a memory bound without /usr/bin/time.
import { main } from '../../build/bundle/lwr.js';

process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
await main([process.argv[0], 'lwr', ...process.argv.slice(2)]);
