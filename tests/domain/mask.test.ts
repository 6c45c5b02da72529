import { describe, expect, test } from 'vitest';
import { maskAddress, maskName, maskPhone, maskValue } from '../../src/domain/mask.js';

describe('maskPhone', () => {
  test.each([
    { name: 'mobile keeps 3 + 4 digits', phone: '13812341234', expected: '138****1234' },
    { name: 'landline with area code', phone: '01012345678', expected: '010****5678' },
    { name: 'foreign number with +', phone: '+12125550100', expected: '+12****0100' },
    { name: '8 digits is long enough for 3 + 4', phone: '12345678', expected: '123****5678' },
    { name: '7 digits keep only the last 2', phone: '1234567', expected: '*****67' },
    { name: 'emergency number', phone: '110', expected: '*10' },
    { name: 'two digits are all hidden', phone: '95', expected: '**' },
    { name: 'one digit', phone: '1', expected: '*' },
  ])('$name → $expected', ({ phone, expected }) => {
    expect(maskPhone(phone)).toBe(expected);
  });
});

describe('maskName', () => {
  test.each([
    { name: 'two characters', value: '张三', expected: '张*' },
    { name: 'three characters', value: '王小明', expected: '王**' },
    { name: 'compound surname', value: '欧阳娜娜', expected: '欧***' },
    { name: 'latin name with a space', value: 'Li Wei', expected: 'L*****' },
    { name: 'one character is fully hidden', value: '张', expected: '*' },
  ])('$name → $expected', ({ value, expected }) => {
    expect(maskName(value)).toBe(expected);
  });
});

describe('maskAddress', () => {
  test.each([
    { name: 'province and city kept', value: '广东省深圳市南山区科技园路1号', expected: '广东省深圳市****' },
    { name: 'municipality kept', value: '北京市朝阳区建国路88号', expected: '北京市****' },
    { name: 'only the city', value: '上海市', expected: '上海市****' },
    { name: 'no city: first 3 characters', value: '南山区科技园', expected: '南山区****' },
    { name: 'astral characters count as one', value: '𠀋𠀌区', expected: '𠀋𠀌****' },
    { name: 'two characters keep one', value: 'ab', expected: 'a****' },
    { name: 'one character keeps none', value: 'x', expected: '****' },
  ])('$name → $expected', ({ value, expected }) => {
    expect(maskAddress(value)).toBe(expected);
  });
});

describe('maskValue', () => {
  test.each([
    { name: 'phone', kind: 'phone', value: '13812341234', expected: '138****1234' },
    { name: 'name', kind: 'name', value: '张三', expected: '张*' },
    { name: 'address', kind: 'address', value: '北京市朝阳区', expected: '北京市****' },
    { name: 'null stays null', kind: 'phone', value: null, expected: null },
    { name: 'empty stays empty', kind: 'name', value: '', expected: '' },
  ] as const)('$name → $expected', ({ kind, value, expected }) => {
    expect(maskValue(kind, value)).toBe(expected);
  });
});
