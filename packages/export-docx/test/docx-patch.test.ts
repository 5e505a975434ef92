/**
 * `patches/docx@9.15.2.patch` rewrites two of docx's serialisation methods that run for every
 * element of a document: `XmlComponent.prepForXml` (children collected in one loop, not with
 * flatMap and filter) and `NextAttributeComponent.prepForXml` (attributes set on one object, not
 * copied into a new object for each attribute). Here the library's own code from before the patch,
 * put back on the prototypes, renders the same report, and the two packages must be identical.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EMPTY_OBJECT, type IContext, isXmlComponent, NextAttributeComponent, XmlComponent } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { md, render } from './docx.js';

type Prepare = (this: unknown, context: IContext) => unknown;

const patched = {
  element: XmlComponent.prototype.prepForXml as Prepare,
  attributes: NextAttributeComponent.prototype.prepForXml as Prepare,
};

// docx 9.15.2's `XmlComponent.prepForXml`, as published.
const originalElement: Prepare = function (this: unknown, context) {
  const self = this as { root: unknown[]; rootKey: string };
  context.stack.push(self as never);
  const children = self.root
    .flatMap((comp) => {
      if (isXmlComponent(comp)) {
        const parts = (comp as { writtenAs?: XmlComponent[] }).writtenAs;
        return parts ? parts.map((part) => part.prepForXml(context)) : comp.prepForXml(context);
      }
      return comp;
    })
    .filter((comp) => comp !== undefined);
  context.stack.pop();
  const first = children[0] as { _attr?: unknown } | undefined;
  return {
    [self.rootKey]: children.length ? (children.length === 1 && first?._attr ? first : children) : EMPTY_OBJECT,
  };
};

// docx 9.15.2's `NextAttributeComponent.prepForXml`, as published.
const originalAttributes: Prepare = function (this: unknown) {
  const root = (this as { root: Record<string, { key: string; value: unknown }> }).root;
  return {
    _attr: Object.values(root)
      .filter(({ value }) => value !== undefined)
      // biome-ignore lint/performance/noAccumulatingSpread: the published code, the reference here
      .reduce<Record<string, unknown>>((acc, { key, value }) => ({ ...acc, [key]: value }), {}),
  };
};

const EXAMPLE = fileURLToPath(new URL('../../../examples/report.md', import.meta.url));

function restore(): void {
  XmlComponent.prototype.prepForXml = patched.element as never;
  NextAttributeComponent.prototype.prepForXml = patched.attributes as never;
}

describe('the docx patch', () => {
  afterEach(restore);

  it('is applied to the docx that the exporter uses', () => {
    expect(patched.element.toString()).toContain('wenshu patch');
    expect(patched.attributes.toString()).toContain('wenshu patch');
  });

  it('writes the same package as the library as published, for a report with headings, lists, tables and notes', async () => {
    const report = md(
      `${readFileSync(EXAMPLE, 'utf8')}\n\n| 项目 | 2022年 | 2023年 |\n| :-- | --: | --: |\n| 收入 | 1.5 | 2.0 |\n\n脚注[^1]。\n\n[^1]: 说明。\n`,
    );
    const options = { sourceDateEpoch: 1_700_000_000 };
    const withPatch = await render(report, options);

    XmlComponent.prototype.prepForXml = originalElement as never;
    NextAttributeComponent.prototype.prepForXml = originalAttributes as never;
    const asPublished = await render(report, options);
    restore();

    expect(Object.keys(withPatch.files)).toEqual(Object.keys(asPublished.files));
    for (const name of Object.keys(asPublished.files)) {
      expect(withPatch.text(name), name).toBe(asPublished.text(name));
    }
    expect(Buffer.from(withPatch.bytes).equals(Buffer.from(asPublished.bytes))).toBe(true);
  });
});
