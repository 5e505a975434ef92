/**
 * The 版头 and 版记 of a 公文 (GB/T 9704-2012 7.2 and 7.4), read from the document's YAML front
 * matter in one place, so that Word and PDF print the same lines:
 *
 * ```yaml
 * copyNumber: "000123"            # 份号
 * secrecy: 秘密★1年                # 密级和保密期限
 * urgency: 特急                    # 紧急程度
 * issuer: 青山市文化和旅游局文件     # 发文机关标志
 * docNumber: 青文旅发〔2025〕7号     # 发文字号
 * signer: 王某某                   # 签发人 (several: a list)
 * copyTo: 市委办公室，市政府办公室。  # 抄送机关
 * printedBy: 青山市文化和旅游局办公室 # 印发机关
 * printedDate: 2025年3月18日        # 印发日期 (`印发` is added when missing)
 * sealed: true                    # 加盖印章: the 署名 and 成文日期 set for a seal (7.3.5.1)
 * ```
 *
 * Strings (numbers are written as they are), and `sealed` a boolean; any other value is ignored.
 */
import type { Document, JsonValue } from '../ast.js';

/** The lines of a 公文's 版头 and 版记 that the front matter gives; absent keys are absent. */
export interface DocumentFrame {
  copyNumber?: string;
  secrecy?: string;
  urgency?: string;
  issuer?: string;
  docNumber?: string;
  signers?: string[];
  copyTo?: string;
  printedBy?: string;
  printedDate?: string;
  /** The 公文 is sealed (加盖印章, 7.3.5.1): its 署名 and 成文日期 are set for the seal, not as 7.3.5.2. */
  sealed?: boolean;
}

function text(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The 版头 and 版记 the front matter of `document` names, or undefined when it names none. */
export function documentFrame(document: Document): DocumentFrame | undefined {
  const meta = document.meta.frontMatter;
  if (!meta) return undefined;
  const frame: DocumentFrame = {};
  for (const key of ['copyNumber', 'secrecy', 'urgency', 'issuer', 'docNumber', 'copyTo', 'printedBy'] as const) {
    const value = text(meta[key]);
    if (value) frame[key] = value;
  }
  const date = text(meta.printedDate);
  // GB/T 9704 7.4.3: the date is followed by 印发.
  if (date) frame.printedDate = date.endsWith('印发') ? date : `${date}印发`;
  const signer = meta.signer;
  const signers = (Array.isArray(signer) ? signer : [signer]).map(text).filter((name) => name !== undefined);
  if (signers.length > 0) frame.signers = signers;
  if (meta.sealed === true) frame.sealed = true;
  return Object.keys(frame).length > 0 ? frame : undefined;
}
