/**
 * The key reports of one agency share across years. Names differ in small ways between years
 * (spaces, full-width brackets, a bracketed note, 政府 for 人民政府, 管委会); the replacements live in
 * templates/rules.json (agencyNames) so that what counts as "the same agency" is visible data.
 */
import { compactText } from '../text/normalise';
import { agencyReplacements } from './catalogue';

let replacements: { re: RegExp; with: string }[] | undefined;

/** The normalised name, or null when nothing is left to pair by. */
export function agencyKey(name: string | null | undefined): string | null {
  if (!name) return null;
  replacements ??= agencyReplacements().map((r) => ({ re: new RegExp(r.pattern, 'u'), with: r.with }));
  let key = compactText(name)
    .replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g, '')
    .replace(/[\p{P}\p{S}]/gu, '');
  for (const r of replacements) key = key.replace(r.re, r.with);
  return key.length >= 2 ? key : null;
}
