/**
 * Per-rule timing, as ESLint's TIMING=1: off unless the CLI turns it on, and
 * then the time each rule's check takes (and the model's build) adds up here.
 */
const totals = new Map<string, number>();
let enabled = false;

export function enableTiming(): void {
  enabled = true;
}

export function timingEnabled(): boolean {
  return enabled;
}

export function addTiming(id: string, ms: number): void {
  totals.set(id, (totals.get(id) ?? 0) + ms);
}

/** The slowest `limit` entries as a table: id, milliseconds, share of the total. */
export function timingTable(limit = 15): string {
  const all = [...totals].sort((a, b) => b[1] - a[1]);
  const sum = all.reduce((n, [, ms]) => n + ms, 0) || 1;
  const rows = all.slice(0, limit).map(([id, ms]) => [id, ms.toFixed(1), `${((ms / sum) * 100).toFixed(1)}%`]);
  const head = ['Rule', 'Time (ms)', 'Relative'];
  const width = [0, 1, 2].map((i) => Math.max(head[i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `${r[0].padEnd(width[0])} | ${r[1].padStart(width[1])} | ${r[2].padStart(width[2])}`;
  return [line(head), `${'-'.repeat(width[0])}-|-${'-'.repeat(width[1])}-|-${'-'.repeat(width[2])}`, ...rows.map(line)].join('\n') + '\n';
}
