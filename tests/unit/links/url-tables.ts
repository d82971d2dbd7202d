/**
 * Real link forms, one table per detector, in the style of refined-github/github-url-detection:
 * each table's entries are positive cases for its own detector and negative cases for the others.
 */
import type { LinkFacts } from '@/lib/links/paper-link';

/** URL → canonical arXiv id. */
export const ARXIV_URLS: Record<string, string> = {
  'https://arxiv.org/abs/2005.14165': '2005.14165',
  'https://arxiv.org/abs/2005.14165v4': '2005.14165',
  'http://arxiv.org/abs/2005.14165': '2005.14165',
  'https://www.arxiv.org/abs/2005.14165': '2005.14165',
  'https://export.arxiv.org/abs/2005.14165v1': '2005.14165',
  'https://browse.arxiv.org/abs/2307.06948': '2307.06948',
  'https://arxiv.org/abs/arXiv:2307.06948': '2307.06948',
  'https://arxiv.org/abs/2307.06948/': '2307.06948',
  'https://arxiv.org/abs/2307.06948?context=cs': '2307.06948',
  'https://arxiv.org/pdf/2005.14165': '2005.14165',
  'https://arxiv.org/pdf/2005.14165v2': '2005.14165',
  'https://arxiv.org/pdf/2005.14165.pdf': '2005.14165',
  'https://arxiv.org/pdf/2005.14165v3.pdf': '2005.14165',
  'https://arxiv.org/html/2307.06948': '2307.06948',
  'https://arxiv.org/html/2307.06948v2#S3': '2307.06948',
  'https://arxiv.org/html/2307.06948v2#S3.SS1.p2': '2307.06948',
  'https://arxiv.org/format/2005.14165': '2005.14165',
  'https://arxiv.org/ftp/arxiv/papers/1207/1207.0580.pdf': '1207.0580',
  'https://arxiv.org/ftp/hep-th/papers/9901/9901001.pdf': 'hep-th/9901001',
  'https://arxiv.org/abs/0704.0001': '0704.0001',
  'https://arxiv.org/abs/1501.00001v1': '1501.00001',
  'https://arxiv.org/abs/hep-th/9901001': 'hep-th/9901001',
  'https://arxiv.org/abs/hep-th/9901001v3': 'hep-th/9901001',
  'https://arxiv.org/pdf/hep-th/9901001v1': 'hep-th/9901001',
  'https://arxiv.org/abs/math.GT/0309136': 'math/0309136',
  'https://arxiv.org/abs/math.GT/0309136v2': 'math/0309136',
  'https://arxiv.org/abs/atom-ph/9601001': 'atom-ph/9601001',
  'https://arxiv.org/abs/cond-mat/0102536v1': 'cond-mat/0102536',
  'https://ar5iv.labs.arxiv.org/html/2005.14165': '2005.14165',
  'https://ar5iv.labs.arxiv.org/html/hep-th/9901001': 'hep-th/9901001',
  'https://ar5iv.org/abs/2005.14165': '2005.14165',
  'https://ar5iv.org/html/2005.14165v2': '2005.14165',
  'https://www.alphaxiv.org/abs/2307.06948': '2307.06948',
  'https://alphaxiv.org/abs/2307.06948v1': '2307.06948',
  'https://www.alphaxiv.org/pdf/2307.06948': '2307.06948',
  'https://www.alphaxiv.org/overview/2307.06948': '2307.06948',
  'https://huggingface.co/papers/2307.06948': '2307.06948',
  'https://huggingface.co/papers/2307.06948#community': '2307.06948',
  'https://hf.co/papers/2005.14165': '2005.14165',
  'https://scirate.com/arxiv/2005.14165': '2005.14165',
  'https://scirate.com/arxiv/hep-th/9901001': 'hep-th/9901001',
  'https://www.arxiv-vanity.com/papers/2005.14165/': '2005.14165',
  'https://doi.org/10.48550/arXiv.2005.14165': '2005.14165',
  'https://doi.org/10.48550/ARXIV.2005.14165': '2005.14165',
  'https://dx.doi.org/10.48550/arxiv.2307.06948': '2307.06948',
  'HTTPS://ARXIV.ORG/abs/2005.14165': '2005.14165',
  // Older host names, as old physics and maths pages still link them (each seen on such a page).
  'http://xxx.lanl.gov/abs/gr-qc/9804048': 'gr-qc/9804048', // a relativistic-star code's README
  'http://xxx.lanl.gov/abs/cond-mat/0106144': 'cond-mat/0106144', // a graph library's Javadoc
  'http://xxx.lanl.gov/abs/cs.CL/9907006': 'cs/9907006', // a chunking script's comment
  'http://xxx.lanl.gov/abs/math.DS/0011268': 'math/0011268', // a maths blog's references
  'http://xxx.lanl.gov/abs/1102.4846': '1102.4846', // a TeXmacs bibliography
  'http://xxx.lanl.gov/PS_cache/cs/pdf/9903/9903003v1.pdf': 'cs/9903003', // a linguistics page
  'http://lanl.arxiv.org/abs/astro-ph/0309141v1': 'astro-ph/0309141', // a cosmology code comment
  'http://lanl.arxiv.org/abs/1008.4686': '1008.4686', // a statistics tutorial
  'http://lanl.arXiv.org/abs/hep-th/0109174': 'hep-th/0109174', // a physics wiki
  'http://aps.arXiv.org/abs/hep-th/0109174': 'hep-th/0109174', // a citation script's mirror links
  'http://de.arxiv.org/abs/hep-th/9111004': 'hep-th/9111004', // a physics wiki
  'http://de.arxiv.org/abs/hep-th/0608195v3': 'hep-th/0608195', // a link parser's test table
  'http://de.arxiv.org/abs/math/0502078/': 'math/0502078', // a maths wiki, trailing slash
  'http://es.arxiv.org/abs/1412.1966': '1412.1966', // the same mirror scheme, Spain
  // Repeated slashes, from hand-edited reference lists.
  'https://arxiv.org//abs/1801.01290': '1801.01290', // a reinforcement-learning doc
  'https://arxiv.org//abs/2402.00357': '2402.00357', // a jailbreak paper list
  'https:////arxiv.org//abs//2006.14295': '2006.14295', // a Julia example's header comment
  'https://arxiv.org/abs//2606.12345': '2606.12345', // a URL test table
  // alphaXiv's other per-paper pages.
  'https://www.alphaxiv.org/resources/2509.11656v1': '2509.11656', // a search-result list
  'https://www.alphaxiv.org/resources/2510.06219': '2510.06219', // a tracking-methods survey
  'https://www.alphaxiv.org/overview/2601.10112v1.md': '2601.10112', // an agent's fetch log
  'https://www.alphaxiv.org/overview/2603.21852v2': '2603.21852', // a clipped paper's links
  // alphaXiv's other tabs of a paper, and its copies of the PDFs.
  'https://www.alphaxiv.org/audio/2603.26599v1': '2603.26599', // a digest's reference links
  'https://www.alphaxiv.org/audio/2505.12540': '2505.12540', // a reading note's sources
  'https://www.alphaxiv.org/paper/2402.11625': '2402.11625', // a link parser's list of forms
  'https://pdfs.assets.alphaxiv.org/2307.06948v1.pdf': '2307.06948', // a PDF-recovery module
  'https://papers-pdfs.assets.alphaxiv.org/2604.03128v1.pdf': '2604.03128', // a chat API route
};

/** URL → lowercased owner/name. */
export const GITHUB_URLS: Record<string, string> = {
  'https://github.com/muzairkhattak/PromptSRC': 'muzairkhattak/promptsrc',
  'https://github.com/muzairkhattak/PromptSRC/': 'muzairkhattak/promptsrc',
  'https://github.com/muzairkhattak/PromptSRC.git': 'muzairkhattak/promptsrc',
  'https://github.com/muzairkhattak/PromptSRC/tree/main/configs': 'muzairkhattak/promptsrc',
  'https://github.com/muzairkhattak/PromptSRC/blob/main/README.md#installation':
    'muzairkhattak/promptsrc',
  'https://github.com/muzairkhattak/PromptSRC/issues/12': 'muzairkhattak/promptsrc',
  'https://github.com/muzairkhattak/PromptSRC?tab=readme-ov-file': 'muzairkhattak/promptsrc',
  'https://www.github.com/HazyResearch/TART': 'hazyresearch/tart',
  'http://github.com/hazyresearch/tart': 'hazyresearch/tart',
  'https://GitHub.com/Haiyang-W/GiT': 'haiyang-w/git',
  'https://github.com/socketio/socket.io': 'socketio/socket.io',
  'https://github.com/openai/gpt-3/releases/tag/v1': 'openai/gpt-3',
  // Organisations whose names look like GitHub's pages but are accounts with repositories.
  'https://github.com/skills/introduction-to-github': 'skills/introduction-to-github',
  'https://github.com/community/community/discussions': 'community/community',
  'https://github.com/actions/checkout': 'actions/checkout',
};

/** Redirect links → the key of what they wrap. */
export const WRAPPED_URLS: Record<string, string> = {
  'https://www.google.com/url?q=https://arxiv.org/abs/2005.14165&sa=D&source=docs':
    'arxiv:2005.14165',
  'https://www.google.com/url?sa=t&url=https%3A%2F%2Farxiv.org%2Fpdf%2F2005.14165&usg=x':
    'arxiv:2005.14165',
  'https://www.google.co.uk/url?q=https://github.com/HazyResearch/TART': 'github:hazyresearch/tart',
  'https://scholar.google.com/scholar_url?url=https://arxiv.org/pdf/2307.06948&hl=en':
    'arxiv:2307.06948',
  'https://l.facebook.com/l.php?u=https%3A%2F%2Farxiv.org%2Fabs%2F2005.14165': 'arxiv:2005.14165',
  'https://out.reddit.com/?url=https%3A%2F%2Fhuggingface.co%2Fpapers%2F2307.06948':
    'arxiv:2307.06948',
  'https://www.youtube.com/redirect?event=video_description&q=https%3A%2F%2Farxiv.org%2Fabs%2F2005.14165':
    'arxiv:2005.14165',
  'https://duckduckgo.com/l/?uddg=https%3A%2F%2Farxiv.org%2Fabs%2F2005.14165': 'arxiv:2005.14165',
  'https://slack-redir.net/link?url=https%3A%2F%2Fgithub.com%2Fmuzairkhattak%2FPromptSRC':
    'github:muzairkhattak/promptsrc',
  'https://link.zhihu.com/?target=https%3A//arxiv.org/abs/2005.14165': 'arxiv:2005.14165',
  'https://href.li/?https://arxiv.org/abs/2005.14165': 'arxiv:2005.14165',
};

/** Shortened links with what the page shows of their target → key. */
export const SHORTENED_LINKS: [LinkFacts, string][] = [
  [{ href: 'https://t.co/AbC123', text: 'arxiv.org/abs/2005.14165' }, 'arxiv:2005.14165'],
  [{ href: 'https://t.co/AbC123', text: 'arxiv.org/abs/2005.1416…' }, ''],
  [
    { href: 'https://t.co/AbC123', text: 'paper', title: 'https://arxiv.org/abs/2307.06948' },
    'arxiv:2307.06948',
  ],
  [
    {
      href: 'https://t.co/AbC123',
      text: 'code',
      expandedUrl: 'https://github.com/HazyResearch/TART',
    },
    'github:hazyresearch/tart',
  ],
  [{ href: 'https://t.co/AbC123', text: 'huggingface.co/papers/2307.06948' }, 'arxiv:2307.06948'],
  [{ href: 'https://bit.ly/xyz', text: 'https://arxiv.org/pdf/2005.14165v1' }, 'arxiv:2005.14165'],
  [{ href: 'https://t.co/AbC123', text: 'a great paper' }, ''],
];

/** Relative links on arXiv and GitHub themselves. */
export const RELATIVE_LINKS: [LinkFacts, string][] = [
  [{ href: '/abs/2005.14165', baseUrl: 'https://arxiv.org/list/cs.CL/recent' }, 'arxiv:2005.14165'],
  [{ href: '/pdf/2005.14165v2', baseUrl: 'https://arxiv.org/abs/2005.14165' }, 'arxiv:2005.14165'],
  [
    { href: '/HazyResearch/TART', baseUrl: 'https://github.com/trending' },
    'github:hazyresearch/tart',
  ],
  [
    { href: 'tree/main', baseUrl: 'https://github.com/HazyResearch/TART/' },
    'github:hazyresearch/tart',
  ],
];

/** Links that look close but name no paper or repository. */
export const NOT_PAPER_URLS: string[] = [
  'https://arxiv.org/',
  'https://arxiv.org/list/cs.CL/recent',
  'https://arxiv.org/abs/',
  'https://arxiv.org/abs/2013.14165',
  'https://arxiv.org/abs/2005.141',
  'https://arxiv.org/a/brown_t_1',
  'https://arxiv.org/help/api',
  'https://arxiv.org.evil.example/abs/2005.14165',
  'https://evil.example/abs/2005.14165',
  'https://evil.example/?q=arxiv.org/abs/2005.14165',
  'https://www.alphaxiv.org/abs/my-cool-notes',
  'https://www.alphaxiv.org/explore',
  'https://www.alphaxiv.org/benchmarks/university-of-chicago/researchrubrics', // a report's sources
  'https://www.alphaxiv.org/resources/',
  'https://www.alphaxiv.org/audio/',
  'https://pdfs.assets.alphaxiv.org/',
  'https://thumbnails.assets.alphaxiv.org/2307.06948v1.png', // a picture, not the paper
  'http://xxx.lanl.gov/',
  'http://xxx.lanl.gov/list/hep-th/new',
  'https://xx.arxiv.org.evil.example/abs/2005.14165',
  'https://abc.arxiv.org/abs/2005.14165',
  'https://huggingface.co/papers',
  'https://huggingface.co/papers/trending',
  'https://huggingface.co/datasets/furonghuang-lab/Easy2Hard-Bench',
  'https://github.com/',
  'https://github.com/HazyResearch',
  'https://github.com/orgs/HazyResearch/repositories',
  'https://github.com/topics/llm',
  'https://github.com/marketplace/actions',
  'https://github.com/settings/profile',
  'https://github.com/features/copilot',
  'https://github.com/sponsors/someone',
  'https://github.com/login',
  'https://github.com/about',
  // GitHub's own pages by the github-reserved-names list, each seen in links on real pages.
  'https://github.com/business/customers', // breadcrumbs of GitHub-styled site templates
  'https://github.com/business/customers/mailchimp', // a list of open-source story links
  'https://github.com/enterprise/startups', // a saved copy of GitHub's navigation menu
  'https://github.com/enterprise/contact', // a README's commercial-licence section
  'https://github.com/customer-stories/tokopedia', // an engineering blog's citation
  'https://github.com/customer-stories/general-motors', // a notes file's source line
  'https://github.com/security/advisories', // a SECURITY.md
  'https://github.com/security/advisories/new', // a SECURITY.md's "report a vulnerability"
  // GitHub's own pages the package lacks (lib/links/github-own-pages.ts), as seen in the
  // navigation menu of a saved github.com page.
  'https://github.com/solutions/use-case/devops',
  'https://github.com/solutions/industry/nonprofits', // also a README's funding notes
  'https://github.com/solutions/executive-insights',
  'https://gist.github.com/user/abc123',
  'https://raw.githubusercontent.com/a/b/main/x.py',
  'https://embodied-codebook.github.io/',
  'https://www.google.com/search?q=arxiv+2005.14165',
  'https://www.google.com/url?q=https://example.org/',
  'https://t.co/AbC123',
  'javascript:alert("https://arxiv.org/abs/2005.14165")',
  'data:text/html,https://arxiv.org/abs/2005.14165',
  'mailto:someone@arxiv.org',
  'ftp://arxiv.org/abs/2005.14165',
  '#top',
  '',
];
