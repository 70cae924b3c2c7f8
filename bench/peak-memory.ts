// Preloaded (`node --import`) into a measured child process: on exit, writes its peak resident set size in
// bytes to the file named by GEN_BENCH_PEAK_RSS_FILE. Node does not report a child's usage to its parent.
import { writeFileSync } from 'node:fs';

const file = process.env['GEN_BENCH_PEAK_RSS_FILE'];
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
