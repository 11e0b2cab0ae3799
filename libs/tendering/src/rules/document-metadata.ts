// 招标投标法实施条例 40(二)(三): documents made by the same person or the same tool are a collusion indicator;
// the authoring fields of an opened bid's documents are read out for supervision (never before the opening).
import JSZip from 'jszip';

export interface DocumentMetadata {
  author?: string;
  /** the program that created the document (PDF /Creator, xmp:CreatorTool, OOXML Application) */
  creator?: string;
  /** PDF /Producer */
  producer?: string;
  lastModifiedBy?: string;
}

const MAX = 200;
const clean = (s: string | undefined): string | undefined => {
  const v = s?.replace(/[\u0000-\u001f]/g, '').trim();
  return v ? v.slice(0, MAX) : undefined;
};

function compact(m: DocumentMetadata): DocumentMetadata {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, clean(v)]).filter(([, v]) => v)) as DocumentMetadata;
}

/** A PDF literal string body ( … ) with its escapes, or a hex string < … >; UTF-16BE when it starts with a BOM. */
function pdfString(raw: string, hex: boolean): string {
  let bytes: number[];
  if (hex) {
    const h = raw.replace(/\s/g, '');
    bytes = (h.length % 2 ? h + '0' : h).match(/../g)!.map((x) => parseInt(x, 16));
  } else {
    bytes = [];
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (c !== '\\') {
        bytes.push(raw.charCodeAt(i) & 0xff);
        continue;
      }
      const n = raw[++i];
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in esc) bytes.push(esc[n]);
      else if (/[0-7]/.test(n)) {
        const oct = raw.slice(i, i + 3).match(/^[0-7]{1,3}/)![0];
        bytes.push(parseInt(oct, 8) & 0xff);
        i += oct.length - 1;
      }
    }
  }
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xfe && buf[1] === 0xff) return buf.subarray(2).swap16().toString('utf16le');
  return buf.toString('utf8');
}

function pdfField(text: string, name: string): string | undefined {
  const m = new RegExp(`/${name}\\s*(?:\\(((?:\\\\.|[^\\\\)])*)\\)|<([0-9A-Fa-f\\s]*)>)`).exec(text);
  if (!m) return undefined;
  return m[1] !== undefined ? pdfString(m[1], false) : pdfString(m[2], true);
}

const xmlTag = (xml: string, tag: string): string | undefined => {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m?.[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
};

/** The Info dictionary (and XMP packet) of a PDF; uncompressed metadata only, as authoring tools write it. */
export function pdfMetadata(doc: Buffer): DocumentMetadata {
  const text = doc.toString('latin1');
  const xmp = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(text)?.[0];
  const xmpUtf8 = xmp ? Buffer.from(xmp, 'latin1').toString('utf8') : undefined;
  return compact({
    author: pdfField(text, 'Author') ?? (xmpUtf8 && xmlTag(xmpUtf8, 'rdf:li')),
    creator: pdfField(text, 'Creator') ?? (xmpUtf8 && xmlTag(xmpUtf8, 'xmp:CreatorTool')),
    producer: pdfField(text, 'Producer') ?? (xmpUtf8 && xmlTag(xmpUtf8, 'pdf:Producer')),
  });
}

/** docProps/core.xml and docProps/app.xml of a .docx/.xlsx. */
export async function officeMetadata(doc: Buffer): Promise<DocumentMetadata> {
  const zip = await JSZip.loadAsync(doc);
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const app = (await zip.file('docProps/app.xml')?.async('string')) ?? '';
  return compact({ author: xmlTag(core, 'dc:creator'), lastModifiedBy: xmlTag(core, 'cp:lastModifiedBy'), creator: xmlTag(app, 'Application') });
}

/** What the documents say about who made them; empty when the format is not one we read or it is damaged. */
export async function documentMetadata(doc: Buffer): Promise<DocumentMetadata> {
  try {
    if (doc.subarray(0, 5).toString('latin1') === '%PDF-') return pdfMetadata(doc);
    if (doc[0] === 0x50 && doc[1] === 0x4b) return await officeMetadata(doc);
  } catch {
    // a damaged document is the evaluation's concern, not the indicator's
  }
  return {};
}
