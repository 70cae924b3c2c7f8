// Preloaded (`node --import`) into a measured child process: on exit, writes what the process used to the
// file named by GEN_BENCH_USAGE_FILE, as JSON: its peak resident set size in bytes and its CPU time (user +
// system, all threads) in ms. Node does not report a child's usage to its parent.
import { writeFileSync } from 'node:fs';

const file = process.env['GEN_BENCH_USAGE_FILE'];
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ peakRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
