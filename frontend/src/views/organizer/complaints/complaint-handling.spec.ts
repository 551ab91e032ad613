import { SANCTION_KINDS } from '@platform/contracts/fairs/catalog';
import { describe, expect, it } from 'vitest';
import { SANCTION_FOR_TARGET } from './complaint-handling';

describe('SANCTION_FOR_TARGET', () => {
  it('offers each sanction for exactly one kind of report target', () => {
    expect(Object.values(SANCTION_FOR_TARGET).sort()).toEqual([...SANCTION_KINDS].sort());
    expect(SANCTION_FOR_TARGET.position).toBe('position_removed');
  });
});
