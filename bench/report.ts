// What every benchmark prints: a figure beside its same-run baseline with the ratio, and budgets that fail loudly.
// Lines starting with RESULT are collected by bench/run.ts into the closing summary.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** The q-quantile by nearest rank (q = 0.99: the value 99 % of the others do not exceed). */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? NaN;
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1)) + ' ms';

/** "what: 412 ms (median) | baseline: 1,470 ms | ratio 0.28×". */
export function report(what: string, value: number, baselineWhat: string, baseline: number, detail = ''): void {
  const ratio = value / baseline;
  console.log(`${what}: ${ms(value)} median${detail ? ` (${detail})` : ''}`);
  console.log(`  baseline, ${baselineWhat}: ${ms(baseline)} median; ratio ${ratio.toFixed(2)}×`);
  console.log(['RESULT', what, ms(value), baselineWhat, ms(baseline), `${ratio.toFixed(2)}×`].join('\t'));
}

/** Checks a budget; a miss is printed so that it cannot be overlooked, and makes the benchmark fail. */
export function budget(what: string, value: number, limit: number, unit = 'ms'): boolean {
  const ok = value <= limit;
  const figure = `${unit === 'ms' ? ms(value) : `${value.toFixed(2)} ${unit}`} (budget ${limit} ${unit})`;
  console.log(ok ? `  budget ${what}: ${figure} OK` : `\n  !!! OVER BUDGET: ${what}: ${figure} !!!\n`);
  console.log(['BUDGET', what, figure, ok ? 'OK' : 'OVER BUDGET'].join('\t'));
  return ok;
}
