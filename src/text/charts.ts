// Text charts for the terminal: horizontal bars and sparklines, plain characters so they survive pipes.

/** One bar per row: label, a bar of `width` cells for value/max, and a suffix. */
export function barChart(rows: { label: string; value: number; max: number; suffix?: string }[], width = 24): string {
  const lw = Math.max(0, ...rows.map((r) => r.label.length));
  return rows
    .map((r) => {
      const filled = r.max > 0 ? Math.round((Math.min(r.value, r.max) / r.max) * width) : 0;
      return `  ${r.label.padEnd(lw)} ${'█'.repeat(filled)}${'·'.repeat(width - filled)} ${r.suffix ?? ''}`.trimEnd();
    })
    .join('\n');
}

const TICKS = '▁▂▃▄▅▆▇█';

/** A sparkline of values in [min, max]. */
export function sparkline(values: number[], min = 0, max = 1): string {
  return values
    .map((v) => {
      const f = max > min ? (Math.min(max, Math.max(min, v)) - min) / (max - min) : 0;
      return TICKS[Math.min(TICKS.length - 1, Math.round(f * (TICKS.length - 1)))];
    })
    .join('');
}
