/**
 * A PDF of many pages written byte by byte (no TeX), for the reader's 1,000-page case: each page
 * a line of text citing the bibliography, whose three entries are on the last page behind
 * `cite.` named destinations, as hyperref writes them. Made in the test, so no large file is
 * checked in.
 */

/** The entries of the last page, as a bibliography sets them. */
export const LONG_PDF_REFERENCES = [
  '[1] Muhammad Uzair Khattak and others. Self-regulating prompts. arXiv:2307.06948, 2023.',
  '[2] Tom B. Brown and others. Language models are few-shot learners. NeurIPS, 2020.',
  '[3] Pat Nobody. A study of nothing in particular. Journal of Results, 2019.',
];

const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

export function longPdf(pages: number): Uint8Array {
  const objects: string[] = [];
  // 1 catalog, 2 pages, 3 destinations, 4 font; then per page: page, contents, link.
  const pageObject = (index: number) => 5 + index * 3;
  const last = pages - 1;
  const kids = Array.from({ length: pages }, (_, i) => `${pageObject(i)} 0 R`).join(' ');
  objects[1] = '<< /Type /Catalog /Pages 2 0 R /Names << /Dests 3 0 R >> >>';
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  const dests = LONG_PDF_REFERENCES.map(
    (_, i) => `(cite.ref${i + 1}) [${pageObject(last)} 0 R /XYZ 72 ${712 - i * 24} null]`,
  ).join(' ');
  objects[3] = `<< /Names [${dests}] >>`;
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  for (let i = 0; i < pages; i += 1) {
    const page = pageObject(i);
    const reference = (i % 3) + 1;
    const lines =
      i === last
        ? LONG_PDF_REFERENCES.map(
            (entry, k) => `BT /F1 10 Tf 72 ${700 - k * 24} Td (${escape(entry)}) Tj ET`,
          )
        : [
            `BT /F1 12 Tf 72 700 Td (Page ${i + 1} of a long paper, as shown in [${reference}].) Tj ET`,
          ];
    const stream = lines.join('\n');
    const annots = i === last ? '' : ` /Annots [${page + 2} 0 R]`;
    objects[page] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents ${page + 1} 0 R${annots} >>`;
    objects[page + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    objects[page + 2] =
      `<< /Type /Annot /Subtype /Link /Rect [300 695 330 712] /Border [0 0 0] /Dest (cite.ref${reference}) >>`;
  }
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n += 1) {
    offsets[n] = body.length;
    body += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n += 1)
    body += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
