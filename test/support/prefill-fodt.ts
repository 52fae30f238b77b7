import { typeName } from '../../src/shared/domain/document-types.ts';
import { formatDocumentNumber } from '../../src/shared/domain/notation.ts';
import { placeDateLine } from '../../src/shared/domain/signature-kinds.ts';
import { type CorpusCase, notationOf } from './prefill-corpus.ts';

// A corpus case as a flat OpenDocument text (.fodt) laid out the way Vietnamese Word templates
// do Decree 30: the header in a borderless two-column table, the signature block in another.
// Three variants, as offices make them: (0) one header row with "____" typed as the rules,
// (1) a second header row for "Số" and the place and date, (2) one row, no typed rules, and
// "Số:" followed by two spaces. LibreOffice converts them to PDF (bench/README.md).

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const upper = (s: string): string => s.toLocaleUpperCase('vi');
const p = (style: string, text: string): string => `<text:p text:style-name="${style}">${esc(text)}</text:p>`;
const cell = (...paragraphs: string[]): string => `<table:table-cell office:value-type="string">${paragraphs.join('')}</table:table-cell>`;
const row = (...cells: string[]): string => `<table:table-row>${cells.join('')}</table:table-row>`;
const table = (name: string, left: string, right: string, rows: string[]): string =>
  `<table:table table:name="${name}" table:style-name="T"><table:table-column table:style-name="${left}"/><table:table-column table:style-name="${right}"/>${rows.join('')}</table:table>`;

const STYLES = `
<office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="Times New Roman" fo:font-size="13pt" fo:language="vi" fo:country="VN"/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/></style:page-layout>
<style:style style:name="T" style:family="table"><style:table-properties style:width="16.5cm" table:align="margins"/></style:style>
<style:style style:name="HL" style:family="table-column"><style:table-column-properties style:column-width="6.6cm"/></style:style>
<style:style style:name="HR" style:family="table-column"><style:table-column-properties style:column-width="9.9cm"/></style:style>
<style:style style:name="SL" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>
<style:style style:name="SR" style:family="table-column"><style:table-column-properties style:column-width="8.5cm"/></style:style>
<style:style style:name="C12" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="C12B" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
<style:style style:name="C13" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="13pt"/></style:style>
<style:style style:name="C13B" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="C13I" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="13pt" fo:font-style="italic"/></style:style>
<style:style style:name="C14B" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="12pt"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="C14" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="6pt" fo:margin-bottom="6pt"/><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="J" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-top="6pt" fo:line-height="120%"/><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="JI" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-top="6pt"/><style:text-properties fo:font-size="14pt" fo:font-style="italic"/></style:style>
<style:style style:name="L12BI" style:family="paragraph"><style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="L11" style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="S14B" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="S14I" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="14pt" fo:font-style="italic"/></style:style>
<style:style style:name="E" style:family="paragraph"><style:text-properties fo:font-size="14pt"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm"/></office:master-styles>`;

const NS = [
  'office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
]
  .map((n) => `xmlns:${n}`)
  .join(' ');

function header(c: CorpusCase, variant: number): string {
  const agency = [...(c.agency.parentName ? [p('C12', upper(c.agency.parentName))] : []), p('C12B', upper(c.agency.name))];
  const typedRule = variant === 0 ? [p('C12', '__________')] : [];
  const number = p('C13', `Số:${variant === 2 ? '  ' : ' '}${formatDocumentNumber(c.number)}/${notationOf(c)}`);
  const vv = c.documentType === 'cong-van' ? [p('C12', `V/v ${c.subject}`)] : [];
  const nation = [p('C12B', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), p('C13B', 'Độc lập - Tự do - Hạnh phúc'), ...(variant === 0 ? [p('C13', '________________________')] : [])];
  const date = p('C13I', placeDateLine(c.agency.placeName, c.date));
  if (variant === 1) return table('Header', 'HL', 'HR', [row(cell(...agency), cell(...nation)), row(cell(number, ...vv), cell(date))]);
  return table('Header', 'HL', 'HR', [row(cell(...agency, ...typedRule, number, ...vv), cell(...nation, p('C13', ''), date))]);
}

function signature(c: CorpusCase, variant: number): string {
  const s = c.signer;
  const lines = s.competence === 'Q' ? [`Q. ${upper(s.authority ?? '')}`] : [...(s.competence && s.authority ? [`${s.competence}. ${upper(s.authority)}`] : []), upper(s.position)];
  const places = [p('L12BI', 'Nơi nhận:'), ...c.recipients.map((r) => p('L11', `- ${r};`)), p('L11', `- Lưu: VT, ${c.unit ?? 'VP'}.`)];
  const room = [p('E', ''), p('E', ''), ...(variant === 2 ? [p('S14I', '(Đã ký)')] : [p('E', '')]), p('E', '')];
  return table('Signature', 'SL', 'SR', [row(cell(...places), cell(...lines.map((l) => p('S14B', l)), ...room, p('S14B', s.fullName)))]);
}

export function corpusFodt(c: CorpusCase, variant: number): string {
  const isCongVan = c.documentType === 'cong-van';
  const title = isCongVan ? [] : [p('C14B', upper(typeName(c.documentType))), p('S14B', c.subject), ...(variant === 0 ? [p('C13', '__________')] : [])];
  const issuer = c.documentType === 'quyet-dinh' ? [p('C14B', upper(`${c.signer.position} ${c.agency.name}`)), p('JI', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;'), p('C14B', 'QUYẾT ĐỊNH:')] : [];
  const to = ['cong-van', 'to-trinh', 'giay-moi'].includes(c.documentType) ? [p('C14', `Kính gửi: ${c.recipients.join('; ')}.`)] : [];
  const body = c.paragraphs.map((t) => p('J', t));
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">${STYLES}
<office:body><office:text>${header(c, variant)}${title.join('')}${issuer.join('')}${to.join('')}${body.join('')}${p('E', '')}${signature(c, variant)}</office:text></office:body></office:document>
`;
}
