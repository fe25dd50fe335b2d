import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

/**
 * A small layer over pdfkit for Qorgau's generated documents: A4, DejaVu Sans embedded (it has
 * every Kazakh letter, ә ғ қ ң ө ұ ү һ і, Kyrgyz ң ө ү and Uzbek Latin oʻ gʻ; shipped in
 * apps/server/assets/fonts with its licence, so no system font package is needed). pdfkit
 * embeds a subset of the glyphs used and writes text as Unicode (ToUnicode maps), so the text
 * of the PDF can be searched, copied and read by a screen reader.
 */
const FONT = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url));

export interface PdfWriter {
  title(text: string): void;
  heading(text: string): void;
  paragraph(text: string): void;
  /** A label and its value on one line (the value may wrap). */
  field(label: string, value: string): void;
  bullet(text: string): void;
  end(): Promise<Buffer>;
}

export function createPdf(meta: { title: string; lang: string; createdAt: Date }): PdfWriter {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    lang: meta.lang,
    displayTitle: true,
    info: { Title: meta.title, Producer: 'Qorgau', Creator: 'Qorgau', CreationDate: meta.createdAt },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 120;
  return {
    title(text) {
      doc.font('bold').fontSize(17).fillColor('#1a1a1a').text(text, { width });
      doc.moveDown(0.6);
    },
    heading(text) {
      doc.moveDown(0.5);
      doc.font('bold').fontSize(12).fillColor('#1a1a1a').text(text, { width });
      doc.moveDown(0.2);
    },
    paragraph(text) {
      doc.font('body').fontSize(10.5).fillColor('#222222').text(text, { width, lineGap: 2 });
      doc.moveDown(0.3);
    },
    field(label, value) {
      doc.font('bold').fontSize(10.5).fillColor('#222222').text(`${label}: `, { continued: true, width });
      doc.font('body').text(value, { width, lineGap: 2 });
    },
    bullet(text) {
      doc.font('body').fontSize(10.5).fillColor('#222222').text(`•  ${text}`, { width, indent: 0, lineGap: 2 });
    },
    end() {
      doc.end();
      return done;
    },
  };
}
