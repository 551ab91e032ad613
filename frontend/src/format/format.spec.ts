import { describe, expect, it } from 'vitest';
import { addDays, formatBytes, formatDateTime, lines, pickedDay, safeHref } from './format';

describe('formatDateTime', () => {
  it('shows Beijing time whatever zone the timestamp was written in', () => {
    expect(formatDateTime('2020-03-04T16:30:00.000Z', 'zh-CN')).toBe('2020-03-05 00:30');
    expect(formatDateTime('2020-03-04T16:30:00.000Z', 'en')).toBe('2020-03-05 00:30');
  });

  it('shows a dash for a missing time and the raw text for a malformed one', () => {
    expect(formatDateTime(null, 'zh-CN')).toBe('—');
    expect(formatDateTime('soon', 'zh-CN')).toBe('soon');
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-13', -1)).toBe('2020-03-12');
  });
});

describe('formatBytes and lines', () => {
  it('reads sizes the way people say them', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(524288)).toBe('512.0 KB');
  });

  it('turns a one-per-line textarea into a list', () => {
    expect(lines(' 重庆市教育委员会\n\n重庆市人力资源和社会保障局 \r\n')).toEqual([
      '重庆市教育委员会',
      '重庆市人力资源和社会保障局',
    ]);
  });
});

describe('pickedDay', () => {
  it('reads the local calendar day a date picker hands over', () => {
    expect(pickedDay(new Date(2020, 2, 5))).toBe('2020-03-05');
  });
});

describe('safeHref', () => {
  it('links http and https addresses', () => {
    expect(safeHref('https://hr.example.cn/fair')).toBe('https://hr.example.cn/fair');
    expect(safeHref(' http://hr.example.cn ')).toBe('http://hr.example.cn/');
  });

  it('refuses anything that could run script or is not an address at all', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>1</script>')).toBeUndefined();
    expect(safeHref('hr.example.cn')).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
  });
});
