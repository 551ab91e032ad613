import { describe, expect, it } from 'vitest';
import { attachmentProblem, base64Of, MAX_ATTACHMENT_BYTES, readAsBase64 } from './attachment-file';

describe('attachmentProblem', () => {
  it('takes PDFs and images up to 512 KiB', () => {
    expect(attachmentProblem({ size: MAX_ATTACHMENT_BYTES, type: 'application/pdf' })).toBeNull();
    expect(attachmentProblem({ size: 10, type: 'image/png' })).toBeNull();
  });

  it('says why another file is refused', () => {
    expect(attachmentProblem({ size: MAX_ATTACHMENT_BYTES + 1, type: 'image/jpeg' })).toBe('agency.tooLarge');
    expect(attachmentProblem({ size: 10, type: 'application/msword' })).toBe('agency.badType');
  });
});

describe('base64', () => {
  it('strips the data: prefix', () => {
    expect(base64Of('data:application/pdf;base64,JVBERi0=')).toBe('JVBERi0=');
  });

  it('reads a file into the payload the api takes', async () => {
    const file = new Blob(['%PDF-'], { type: 'application/pdf' });
    expect(atob(await readAsBase64(file))).toBe('%PDF-');
  });
});
