import type { Counted } from '@/api/pipeline-types';

/** Days of both series in order, a missing day counting 0, so the two lines share one axis. */
export function byDay(applications: readonly Counted[], hires: readonly Counted[]) {
  const days = [...new Set([...applications, ...hires].map((c) => c.key))].sort();
  const valueOn = (series: readonly Counted[]) => {
    const values = new Map(series.map((c) => [c.key, c.value]));
    return days.map((day) => values.get(day) ?? 0);
  };
  return { days, applications: valueOn(applications), hires: valueOn(hires) };
}

/** The largest `limit` entries, the rest summed into one "other" entry so a long tail stays readable. */
export function topWithRest(counts: readonly Counted[], limit: number, restLabel: string): Counted[] {
  const sorted = [...counts].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit).reduce((sum, c) => sum + c.value, 0);
  return [...sorted.slice(0, limit), { key: restLabel, value: rest }];
}

export function lineOption(series: ReturnType<typeof byDay>, names: { applications: string; hires: string }) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [names.applications, names.hires] },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: series.days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.applications, type: 'line', smooth: true, data: series.applications },
      { name: names.hires, type: 'bar', data: series.hires, barMaxWidth: 28 },
    ],
  };
}

export function barOption(counts: readonly Counted[]) {
  const ordered = [...counts].reverse();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 110, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((c) => c.key) },
    series: [{ type: 'bar', data: ordered.map((c) => c.value), barMaxWidth: 22 }],
  };
}

export function pieOption(counts: readonly Counted[]) {
  return {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '44%'],
        data: counts.map((c) => ({ name: c.key, value: c.value })),
      },
    ],
  };
}
