/** A sealed 公文's signature and date (GB/T 9704-2012 7.3.5.1). */
import { describe, expect, it } from 'vitest';
import {
  closingSignatures,
  frameRightIndents,
  SEAL_PITCH_EM,
  SEALED_DATE_RIGHT_EM,
  sealedSignatureRows,
  signatureIndents,
} from '../src/index.js';

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

  it('sets several sealing bodies in rows of two, the last name over the date', () => {
    const blocks = ['正文。', 'A局', 'B局', 'C局', '2025年3月1日'].map((text, at) => ({
      element: at === 0 ? undefined : at === 4 ? 'date' : 'signature',
      text,
    }));
    const rows = sealedSignatureRows(
      blocks,
      (block) => block.element,
      (block) => block.text,
    );
    // 2025年3月1日 is 6 em: its centre 4 + 3 em from the right.
    expect([...rows.values()].map((row) => [row.names.map((name) => name.text), row.centresEm])).toEqual([
      [
        ['A局', 'B局'],
        [7 + SEAL_PITCH_EM, 7],
      ],
      [['C局'], [7]],
    ]);
    // One signature is `frameRightIndents`' to place.
    expect(
      sealedSignatureRows(
        blocks.slice(3),
        (block) => block.element,
        (block) => block.text,
      ).size,
    ).toBe(0);
  });
});
