import JSZip from 'jszip';
import { documentMetadata, pdfMetadata } from './document-metadata';

const pdf = (info: string) => Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< ${info} >>\nendobj\ntrailer\n<< /Info 2 0 R >>\n%%EOF`, 'latin1');

describe('document metadata of a bid', () => {
  it('reads the PDF Info dictionary, literal strings with escapes', () => {
    expect(pdfMetadata(pdf('/Author (Zhang \\(San\\)) /Creator (BidTool 3.2 SN-0042) /Producer (PDFlib 9)'))).toEqual({
      author: 'Zhang (San)',
      creator: 'BidTool 3.2 SN-0042',
      producer: 'PDFlib 9',
    });
  });

  it('reads UTF-16BE hex strings (Chinese names)', () => {
    const hex = 'FEFF' + Buffer.from('张三', 'utf16le').swap16().toString('hex');
    expect(pdfMetadata(pdf(`/Author <${hex}> /Creator (x)`))).toEqual({ author: '张三', creator: 'x' });
  });

  it('falls back to the XMP packet', () => {
    const xmp = Buffer.from('%PDF-1.4\n<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>李四</rdf:li></rdf:Seq></dc:creator><xmp:CreatorTool>新点投标工具</xmp:CreatorTool></x:xmpmeta>', 'utf8');
    expect(pdfMetadata(xmp)).toEqual({ author: '李四', creator: '新点投标工具' });
  });

  it('reads docx core and app properties', async () => {
    const zip = new JSZip();
    zip.file('docProps/core.xml', '<cp:coreProperties><dc:creator>王五</dc:creator><cp:lastModifiedBy>赵六</cp:lastModifiedBy></cp:coreProperties>');
    zip.file('docProps/app.xml', '<Properties><Application>Microsoft Office Word</Application></Properties>');
    const doc = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await documentMetadata(doc)).toEqual({ author: '王五', lastModifiedBy: '赵六', creator: 'Microsoft Office Word' });
  });

  it('gives nothing for other formats, damaged archives and empty fields', async () => {
    expect(await documentMetadata(Buffer.from('plain text bid'))).toEqual({});
    expect(await documentMetadata(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]))).toEqual({});
    expect(pdfMetadata(pdf('/Author () /Creator (  )'))).toEqual({});
  });
});
