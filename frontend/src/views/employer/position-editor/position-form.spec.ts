import { describe, expect, it } from 'vitest';
import { checkBody, emptyPositionForm, positionBody } from './position-form';

describe('positionBody', () => {
  it('trims the texts and leaves an empty closing date out', () => {
    const form = { ...emptyPositionForm('fair-1'), title: ' 软件工程师 ', requirements: '本科\n' };
    const body = positionBody(form);
    expect(body.title).toBe('软件工程师');
    expect(body.requirements).toBe('本科');
    expect(body.fairId).toBe('fair-1');
    expect(body).not.toHaveProperty('expiresOn');
    expect(positionBody({ ...form, expiresOn: '2026-12-31' }).expiresOn).toBe('2026-12-31');
  });
});

describe('checkBody', () => {
  it('waits for a title, which the api requires', () => {
    expect(checkBody({ ...emptyPositionForm(), requirements: '湖北籍勿扰' })).toBeNull();
  });

  it('sends the texts and the flags that switch rules on or off', () => {
    const body = checkBody({
      ...emptyPositionForm(),
      title: '护士',
      requirements: '湖北籍勿扰',
      specialRecruitment: true,
    });
    expect(body).toMatchObject({ title: '护士', requirements: '湖北籍勿扰', specialRecruitment: true });
  });
});
