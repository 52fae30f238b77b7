import { describe, expect, it } from 'vitest';
import { decodeXmlText, XmlTextStream } from './xml-text.ts';

describe('XML character data', () => {
  it('resolves the predefined entities and character references', () => {
    expect(decodeXmlText('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#272;&#x1EA1;')).toBe('a & b <c> "d" \'e\' Đạ');
  });

  it('normalises line ends but keeps a CR written as a reference', () => {
    expect(decodeXmlText('a\r\nb\rc&#13;')).toBe('a\nb\nc\r');
  });

  it('holds back a reference cut between pieces', () => {
    const s = new XmlTextStream();
    expect(s.push('x &am')).toBe('x ');
    expect(s.push('p; y &#x4')).toBe('& y ');
    expect(s.push('1;')).toBe('A');
    s.end();
  });

  it.each([['&xxe;'], ['&#0;'], ['&#xD800;'], ['&amp'], ['&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;']])('refuses %s', (raw) => {
    expect(() => decodeXmlText(raw)).toThrow(expect.objectContaining({ code: 'EDXML_REFUSED', data: { reason: 'NOT_XML' } }));
  });
});
