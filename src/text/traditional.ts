/**
 * Reports in traditional characters. Some portals serve a 繁體 version of every page, converted by
 * machine from the simplified original (蓬江區發展和改革局2024年度政府信息公開工作年度報告); every
 * label, heading and keyword of the official format is then written differently. Such a text is
 * told by the share of characters that only traditional writing uses, and converted back with
 * OpenCC (opencc-js, loaded only then), phrase by phrase, as the portal converted it forth.
 */
import type * as OpenCC from 'opencc-js';

/**
 * Frequent characters of these reports that simplified writing never uses (開 for 开, 報 for 报…).
 * A simplified report may quote a name in traditional characters (香港特別行政區), a page in
 * traditional characters has them in almost every sentence.
 */
const TRADITIONAL_ONLY =
  /[開與報體國會發務爲為關於條實際區縣機構們這說過對經項辦處應請數費業類點據統計規範權審結轉訴議複維糾總況製內時間來單勞動門戶網絡資產無論號碼許證當屬從該準確]/gu;
const HAN = /\p{Script=Han}/gu;

/** At least this many traditional-only characters, and this share of all Chinese characters. */
const MIN_COUNT = 20;
const MIN_SHARE = 0.03;

/** True when a text is written in traditional characters (not a simplified text quoting a few). */
export function isTraditional(text: string): boolean {
  const traditional = text.match(TRADITIONAL_ONLY)?.length ?? 0;
  if (traditional < MIN_COUNT) return false;
  const han = text.match(HAN)?.length ?? 0;
  return traditional / han >= MIN_SHARE;
}

/**
 * How the portal converted: character by character (the Hong Kong way, 政府信息公開), or with Taiwan's
 * words as well (政府資訊公開, 行政規範性檔案 for 行政规范性文件), which must be turned back word by word.
 */
export type TraditionalKind = 'hk' | 'twp';

export function traditionalKind(text: string): TraditionalKind {
  return /資訊/.test(text) ? 'twp' : 'hk';
}

const converters = new Map<TraditionalKind, (text: string) => string>();

/** The text in simplified characters (OpenCC), undoing the kind of conversion the portal made. */
export function toSimplified(text: string, kind: TraditionalKind): string {
  let convert = converters.get(kind);
  if (!convert) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- 110 KB of dictionaries, for traditional texts only
    const opencc = require('opencc-js/t2cn') as typeof OpenCC; // the traditional → simplified half of the package
    convert = opencc.Converter({ from: kind, to: 'cn' });
    converters.set(kind, convert);
  }
  return convert(text);
}
