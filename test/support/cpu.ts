import { readFileSync } from 'node:fs';

/** User and system time of this process and of the children it has waited for, in milliseconds (Linux only). */
export function cpuMilliseconds(): { own: number; children: number } {
  // Fields 14 to 17 of /proc/self/stat, after the command name in parentheses: utime, stime, cutime, cstime in ticks.
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ')
    .map(Number);
  const tick = 10; // USER_HZ is 100 on Linux.
  return { own: (fields[11] + fields[12]) * tick, children: (fields[13] + fields[14]) * tick };
}
