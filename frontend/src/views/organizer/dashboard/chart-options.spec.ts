import { describe, expect, it } from 'vitest';
import { barOption, byDay, topWithRest } from './chart-options';

describe('byDay', () => {
  it('puts both series on the same days, in order, a missing day counting zero', () => {
    expect(
      byDay(
        [
          { key: '2026-03-02', value: 5 },
          { key: '2026-03-01', value: 3 },
        ],
        [{ key: '2026-03-03', value: 1 }],
      ),
    ).toEqual({
      days: ['2026-03-01', '2026-03-02', '2026-03-03'],
      applications: [3, 5, 0],
      hires: [0, 0, 1],
    });
  });
});

describe('topWithRest', () => {
  const counts = [
    { key: '渝北区', value: 9 },
    { key: '渝中区', value: 4 },
    { key: '江北区', value: 4 },
    { key: '万州区', value: 1 },
  ];

  it('keeps the largest and sums the rest into one entry', () => {
    expect(topWithRest(counts, 2, '其他')).toEqual([
      { key: '渝北区', value: 9 },
      { key: '江北区', value: 4 },
      { key: '其他', value: 5 },
    ]);
  });

  it('adds no rest entry when everything fits', () => {
    expect(topWithRest(counts, 4, '其他')).toHaveLength(4);
  });
});

describe('barOption', () => {
  it('draws the largest bar at the top', () => {
    const option = barOption([
      { key: 'A', value: 9 },
      { key: 'B', value: 2 },
    ]);
    expect(option.yAxis.data).toEqual(['B', 'A']);
    expect(option.series[0].data).toEqual([2, 9]);
  });
});
