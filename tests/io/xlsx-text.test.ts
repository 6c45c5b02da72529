// xlsxText: text as OOXML stores it (ECMA-376 _xHHHH_ escapes), read back by exceljs unchanged.
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { xlsxText } from '../../src/io/render/xlsx.js';

describe('xlsxText', () => {
  test.each([
    ['plain text is unchanged', '张三 =1+2', '张三 =1+2'],
    ['a carriage return', '\r=1', '_x000D_=1'],
    ['other C0 controls; tab and line feed stay', 'a\u0001b\tc\nd\u001f', 'a_x0001_b\tc\nd_x001F_'],
    ['a literal escape in the text is itself escaped', 'see _x000D_ here', 'see _x005F_x000D_ here'],
  ])('%s', (_name, input, stored) => {
    expect(xlsxText(input)).toBe(stored);
  });

  test('every case reads back from a workbook as the original text', async () => {
    const texts = ['\r=1', 'a\u0001b\tc\nd\u001f', 'see _x000D_ here', 'x_x0041_y\r\n'];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    for (const t of texts) ws.addRow([xlsxText(t)]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    expect(texts.map((_, i) => (back.worksheets[0] as ExcelJS.Worksheet).getCell(i + 1, 1).value)).toEqual(texts);
  });
});
