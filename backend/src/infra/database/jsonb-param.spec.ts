import { describe, expect, it } from 'vitest';
import { JsonbParam } from './jsonb-param';

describe('JsonbParam', () => {
  it('is the binary jsonb format: version 1, then the UTF-8 JSON text', () => {
    const param = new JsonbParam().append('[').append('{"a":"就业"}').append(',').append('2').append(']');
    const bytes = param.value();
    expect(bytes[0]).toBe(1);
    expect(bytes.subarray(1).toString('utf8')).toBe('[{"a":"就业"},2]');
    expect(JSON.parse(param.text())).toEqual([{ a: '就业' }, 2]);
  });

  it('grows past its first buffer without losing what was written', () => {
    const param = new JsonbParam(16).append('[');
    const parts: string[] = [];
    for (let i = 0; i < 500; i++)
      parts.push(JSON.stringify({ i, note: '社保月数'.repeat(i % 7), e: 'x'.repeat(i) }));
    parts.forEach((p, i) => param.append(i ? ',' : '').append(p));
    param.append(']');
    expect(param.text()).toBe(`[${parts.join(',')}]`);
    expect(param.value().length).toBe(1 + Buffer.byteLength(`[${parts.join(',')}]`));
  });
});
