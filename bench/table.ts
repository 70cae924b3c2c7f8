import { median, spread, type Sample } from './harness.js';
import { TARGETS, cpuRatioOf, ratioOf, statementsOf, type Measured, type WorkloadResult } from './targets.js';

const HEADER = [
  'workload',
  'subject',
  'median per 1,000 ops (or per run)',
  'min..max over repeats',
  'statements per op',
  'peak RSS',
  'ratio to baseline (medians)',
  'target',
  'met?',
];

/** One Markdown table: for each workload its baseline's row (if any), then its subject's row with the ratio and target. */
export function renderTable(results: readonly WorkloadResult[]): string {
  const rows: string[][] = [];
  for (const result of results) {
    const target = TARGETS[result.workload];
    if (result.baseline)
      rows.push([
        result.workload,
        result.baseline.name,
        ...times(result.baseline, result.unit),
        ...counts(result.baseline),
        'baseline',
        '',
        '',
      ]);
    const ratio = ratioOf(result);
    const cpuRatio = cpuRatioOf(result);
    const ratioText = [
      ratio === undefined ? '' : target?.ratio === 'cost' ? `${ratio.toFixed(2)}x the time` : `${ratio.toFixed(2)}x faster`,
      cpuRatio === undefined ? '' : ` (CPU time: ${cpuRatio.toFixed(2)}x)`,
    ].join('');
    const met = target ? (target.met(result) ? 'yes' : '**no**') : '';
    const subject = result.note ? `${result.subject.name} (${result.note})` : result.subject.name;
    rows.push([
      result.workload,
      subject,
      ...times(result.subject, result.unit),
      ...counts(result.subject),
      ratioText,
      target?.text ?? '',
      met,
    ]);
  }
  return [row(HEADER), row(HEADER.map(() => '---')), ...rows.map(row)].join('\n');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
}

function times(measured: Measured, unit: WorkloadResult['unit']): [string, string] {
  const { median: middle, min, max } = spread(measured.samples.map((s) => s.msPer1000));
  const suffix = unit === 'run' ? '/run' : '';
  return [`${formatMs(middle)}${suffix}`, `${formatMs(min)}..${formatMs(max)}`];
}

function counts(measured: Measured): [string, string] {
  const statements = statementsOf(measured);
  const rss = measured.samples.flatMap((s: Sample) => (s.peakRss === undefined ? [] : [s.peakRss]));
  return [statements === undefined ? '' : formatCount(statements), rss.length === 0 ? '' : `${Math.round(median(rss) / 2 ** 20)} MB`];
}

/** Milliseconds below 10 s, seconds above, with three significant digits. */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
