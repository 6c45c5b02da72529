/**
 * Masking of customer personal data in reports (保密制度; PIPL de-identification): phone
 * numbers keep their first 3 and last 4 digits, names their first character, addresses their
 * city. Pure functions on the stored text.
 */
import type { PiiKind } from './kinds.js';

/** '13812341234' → '138****1234'; short numbers keep only their last 2 digits. */
export function maskPhone(phone: string): string {
  const chars = [...phone];
  if (chars.length >= 8) return chars.slice(0, 3).join('') + '****' + chars.slice(-4).join('');
  if (chars.length <= 2) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - 2) + chars.slice(-2).join('');
}

/** '张三' → '张*', '欧阳娜娜' → '欧***', 'Li Wei' → 'L*****'. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return (chars[0] as string) + '*'.repeat(chars.length - 1);
}

/** '广东省深圳市南山区科技园路1号' → '广东省深圳市****': the part up to the city, else 3 characters. */
export function maskAddress(address: string): string {
  const chars = [...address];
  const city = chars.findIndex((c, i) => c === '市' && i < 16);
  const keep = city >= 0 ? city + 1 : Math.min(3, Math.max(0, chars.length - 1));
  return chars.slice(0, keep).join('') + '****';
}

/** Masks one value of the given kind; null stays null. */
export function maskValue(kind: PiiKind, value: string | null): string | null {
  if (value === null || value === '') return value;
  switch (kind) {
    case 'phone': return maskPhone(value);
    case 'name': return maskName(value);
    case 'address': return maskAddress(value);
  }
}
