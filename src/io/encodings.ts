/** Names accepted by --encoding and --delimiter (kept free of heavy imports for fast startup). */
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export const ENCODING_NAMES: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'gb18030': 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
  'utf-16le': 'utf-16le', 'utf16le': 'utf-16le', 'utf-16': 'utf-16le', 'utf-16be': 'utf-16be', 'utf16be': 'utf-16be',
};
export const DELIMITER_NAMES: Record<string, string> = { ',': ',', comma: ',', ';': ';', semicolon: ';', '\t': '\t', tab: '\t', '\\t': '\t', '|': '|', pipe: '|' };

