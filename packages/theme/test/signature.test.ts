import { describe, expect, it } from 'vitest';
import { frameRightIndents, signatureIndents, textEm } from '../src/index.js';

describe('signature and date (GB/T 9704-2012 7.3.5.2)', () => {
  it('measures CJK characters as 1 em and digits as ½', () => {
    expect(textEm('青山市文化和旅游局')).toBe(9);
    expect(textEm('2025年3月18日')).toBe(6.5);
    expect(textEm('二〇二五年三月十八日')).toBe(10);
  });

  it('right-spaces a longer signature two characters, the date starting two characters right of it', () => {
    const { signature, date } = signatureIndents(9, 6.5);
    expect(signature).toBe(2);
    // The date's first character: 9 + 2 from the margin minus 2 = 9 em in from the margin on the left side.
    expect(date).toBe(2.5);
    expect(2 + 9 - (date + 6.5)).toBe(2);
  });

  it('right-spaces a longer date two characters and moves the signature in', () => {
    const { signature, date } = signatureIndents(3, 6.5);
    expect(date).toBe(2);
    expect(signature).toBe(7.5);
    // The date's first character is two characters right of the signature's.
    expect(signature + 3 - (date + 6.5)).toBe(2);
  });
});

describe('frameRightIndents', () => {
  const blocks = [
    { element: undefined, text: '正文。' },
    { element: 'signature', text: '国务院' },
    { element: 'date', text: '2024年3月5日' },
    { element: 'note', text: '（此件公开发布）' },
  ];
  it('pairs a signature with the date right under it', () => {
    const indents = frameRightIndents(
      blocks,
      (block) => block.element,
      (block) => block.text,
    );
    expect([...indents.values()]).toEqual([7, 2]);
    expect(indents.has(blocks[0] as (typeof blocks)[0])).toBe(false);
  });

  it('places several bodies signing as one block over the date: their first characters in one column', () => {
    const joint = [
      { element: 'signature', text: '青山市农业农村局' },
      { element: 'signature', text: '青山市财政局' },
      { element: 'date', text: '2025年3月1日' },
    ];
    const indents = frameRightIndents(
      joint,
      (block) => block.element,
      (block) => block.text,
    );
    // The widest (8 em) right-spaced two characters; the narrower (6 em) starts where it starts.
    expect([...indents.values()]).toEqual([2, 4, 2]);
    const start = (block: (typeof joint)[0]) => (indents.get(block) ?? 0) + textEm(block.text);
    expect(start(joint[1] as (typeof joint)[0])).toBe(start(joint[0] as (typeof joint)[0]));
    // The date's first character two characters right of theirs.
    expect(start(joint[0] as (typeof joint)[0]) - start(joint[2] as (typeof joint)[0])).toBe(2);
    // Sealed: each centred over the date.
    const sealed = frameRightIndents(
      joint,
      (block) => block.element,
      (block) => block.text,
      true,
    );
    const centre = (block: (typeof joint)[0]) => (sealed.get(block) ?? 0) + textEm(block.text) / 2;
    expect(new Set(joint.map(centre)).size).toBe(1);
  });
});
