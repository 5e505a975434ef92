/** A sealed 公文's signature and date (GB/T 9704-2012 7.3.5.1). */
import { describe, expect, it } from 'vitest';
import { closingSignatures, frameRightIndents, SEALED_DATE_RIGHT_EM, signatureIndents } from '../src/index.js';

describe('sealed signature and date', () => {
  it('set the date four characters from the right and centre the signature over it', () => {
    // A signature of 9 em over a date of 7 em, then of 3 em.
    expect(signatureIndents(9, 7, true)).toEqual({ signature: 3, date: SEALED_DATE_RIGHT_EM });
    expect(signatureIndents(3, 7, true)).toEqual({ signature: 6, date: 4 });
    // A name far longer than the date never runs past the margin.
    expect(signatureIndents(20, 7, true).signature).toBe(0);
    // Unsealed as before (7.3.5.2).
    expect(signatureIndents(9, 7)).toEqual({ signature: 2, date: 2 });
  });

  it('place pairs through frameRightIndents, and find the signature that opens each closing', () => {
    const blocks = [
      { element: undefined, text: '正文。' },
      { element: 'signature', text: '青山市文化和旅游局' },
      { element: 'date', text: '2025年3月18日' },
    ];
    const indents = frameRightIndents(
      blocks,
      (block) => block.element,
      (block) => block.text,
      true,
    );
    // 青山市文化和旅游局 is 9 em, 2025年3月18日 6.5 (digits half an em): 4 + (6.5 − 9) / 2.
    expect([...indents.values()]).toEqual([2.75, 4]);
    const several = [blocks[0], { element: 'signature', text: '甲局' }, ...blocks.slice(1)];
    expect([...closingSignatures(several, (block) => block?.element)].map((block) => block?.text)).toEqual(['甲局']);
  });
});
