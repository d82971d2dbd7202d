/**
 * The demo page `npm start` serves: every bundled paper linked in one of many link forms, so a
 * new user can hover right away. Also used by the end-to-end tests as a realistic page.
 */
import type { Digest } from '../../lib/digest/schema';

/** The link forms PaperPeek recognises, as functions of an arXiv id. */
export const ARXIV_LINK_FORMS: [label: string, href: (id: string) => string][] = [
  ['arXiv abstract', (id) => `https://arxiv.org/abs/${id}`],
  ['arXiv abstract, version 2', (id) => `https://arxiv.org/abs/${id}v2`],
  ['arXiv PDF', (id) => `https://arxiv.org/pdf/${id}`],
  ['arXiv PDF file, version 1', (id) => `https://arxiv.org/pdf/${id}v1.pdf`],
  ['arXiv HTML, a section', (id) => `https://arxiv.org/html/${id}v1#S3`],
  ['export.arxiv.org', (id) => `http://export.arxiv.org/abs/${id}`],
  ['Hugging Face paper page', (id) => `https://huggingface.co/papers/${id}`],
  ['ar5iv', (id) => `https://ar5iv.labs.arxiv.org/html/${id}`],
  ['alphaXiv', (id) => `https://www.alphaxiv.org/abs/${id}`],
  ['arXiv DOI', (id) => `https://doi.org/10.48550/arXiv.${id}`],
  ['Google redirect', (id) => `https://www.google.com/url?q=https://arxiv.org/abs/${id}&sa=D`],
  ['SciRate', (id) => `https://scirate.com/arxiv/${id}`],
];

export function renderDemoPage(digest: Digest): string {
  const items = digest.papers.map((paper, index) => {
    const form = ARXIV_LINK_FORMS[index % ARXIV_LINK_FORMS.length];
    if (!form) throw new Error('no link forms');
    const [label, href] = form;
    const repo = paper.repos[0];
    const codeLink = repo
      ? ` · <a href="https://github.com/${escapeHtml(repo)}">github.com/${escapeHtml(repo)}</a>`
      : '';
    return `<li><a href="${escapeHtml(href(paper.arxivId ?? paper.id))}">${escapeHtml(paper.title)}</a> <small>(${escapeHtml(label)})</small>${codeLink}</li>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>PaperPeek demo: hover a paper link</title>
<style>
  :root { color: #1b1f24; background: #fff; }
  body { font: 16px/1.6 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
  a { color: #0550ae; }
  small { color: #57606a; }
  @media (prefers-color-scheme: dark) {
    :root { color: #e6edf3; background: #16181c; }
    a { color: #79b8ff; }
    small { color: #9da7b3; }
  }
</style>
</head>
<body>
<main>
<h1>PaperPeek demo</h1>
<p>Hover any paper link below (or focus it with Tab) to see its abstract. The links use
${ARXIV_LINK_FORMS.length} different forms of arXiv links plus GitHub repository links; all
${digest.papers.length} papers are in the bundled digest, so nothing is fetched from the network.</p>
<p id="not-in-digest">Not in the digest: <a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a>.
Its card shows the abstract from arXiv while look-ups are on, or says why it cannot (look-ups
are off, or arXiv could not be reached). An ordinary link gets nothing:
<a href="https://example.org/">example.org</a>.</p>
<ol>
${items.join('\n')}
</ol>
</main>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
