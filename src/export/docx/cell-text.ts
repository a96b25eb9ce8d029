/**
 * What a value cell of a regenerated table shows. A number is printed plainly (no thousands
 * separator, no exponent); an amount in 万元 carries its unit when the column header does not say
 * it (2019 采购总金额), so that nobody reads it as 元. A placeholder ('/', '—') or text the author
 * wrote instead of a number is printed as written: it is theirs, and it reads back as null just as
 * it did. A blank or missing cell stays blank.
 */
import type { FieldDef } from '../../formats/model';
import type { FieldCell, FieldValue } from '../../report/types';
import { displayNumber } from '../../text/display';

function unitSuffix(def: FieldDef): string {
  const header = def.leafColumn?.node.label ?? '';
  return def.unit === '万元' && !header.includes(def.unit) ? def.unit : '';
}

export function cellText(def: FieldDef, value: FieldValue | undefined, cell: FieldCell | undefined): string {
  if (typeof value === 'number') return displayNumber(value) + unitSuffix(def);
  if (cell && (cell.status === 'placeholder' || cell.status === 'text')) return cell.raw;
  return '';
}
