/**
 * Venue links as they appear in the wild, a table per host: the URL, the key PaperPeek gives it,
 * and where that form was seen. "Reference lists" are READMEs and papers' reference sections in
 * public repositories (found with the code search of the project's tool library).
 */

export interface VenueRow {
  href: string;
  key: string;
  seen: string;
}

export const VENUE_URLS: Record<string, VenueRow[]> = {
  OpenReview: [
    {
      href: 'https://openreview.net/forum?id=YicbFdNTTy',
      key: 'openreview:YicbFdNTTy',
      seen: "ViT's ICLR 2021 forum, the form OpenReview's own share links take",
    },
    {
      href: 'https://openreview.net/forum?id=nZeVKeeFYf9&noteId=nZeVKeeFYf9',
      key: 'openreview:nZeVKeeFYf9',
      seen: 'LoRA (ICLR 2022), a link to the forum with its note selected',
    },
    {
      href: 'https://openreview.net/pdf?id=nZeVKeeFYf9',
      key: 'openreview:nZeVKeeFYf9',
      seen: 'the PDF button of the same forum',
    },
    {
      href: 'https://openreview.net/forum?id=YPpSngE-ZU',
      key: 'openreview:YPpSngE-ZU',
      seen: 'a README citing MACE (NeurIPS 2022): ids may hold "-"',
    },
    {
      href: 'http://openreview.net/forum/?id=ce6CFXBh30h',
      key: 'openreview:ce6CFXBh30h',
      seen: 'FedMatch (ICLR 2021) in a reference list, written by hand with http and a slash',
    },
    {
      href: 'https://openreview.net/attachment?id=St1giarCHLP&name=supplementary_material',
      key: 'openreview:St1giarCHLP',
      seen: "DDIM's (ICLR 2021) supplementary material, from its forum",
    },
  ],
  'ACL Anthology': [
    {
      href: 'https://aclanthology.org/2023.acl-long.754/',
      key: 'acl:2023.acl-long.754',
      seen: 'Self-Instruct in a reference list',
    },
    {
      href: 'https://aclanthology.org/2023.emnlp-main.298',
      key: 'acl:2023.emnlp-main.298',
      seen: 'GQA in a reference list, without the trailing slash',
    },
    {
      href: 'https://aclanthology.org/2023.findings-acl.234.pdf',
      key: 'acl:2023.findings-acl.234',
      seen: 'a Findings paper in a reference list, as a PDF',
    },
    {
      href: 'https://aclanthology.org/2024.emnlp-main.1118',
      key: 'acl:2024.emnlp-main.1118',
      seen: 'the url field of the BibTeX the Anthology exports',
    },
    {
      href: 'https://aclanthology.org/N19-1423/',
      key: 'acl:N19-1423',
      seen: "BERT (NAACL 2019), an old-style id on the Anthology's current host",
    },
    {
      href: 'https://aclanthology.org/D13-1170.pdf',
      key: 'acl:D13-1170',
      seen: 'the SST paper in a README, old-style id as a PDF',
    },
    {
      href: 'https://www.aclweb.org/anthology/P19-1001.pdf',
      key: 'acl:P19-1001',
      seen: 'the Anthology before 2020 (aclweb.org), still in many papers',
    },
    {
      href: 'https://www.aclweb.org/anthology/2020.acl-main.703',
      key: 'acl:2020.acl-main.703',
      seen: 'BART (ACL 2020) on the old host with a new-style id',
    },
    {
      href: 'https://aclanthology.org/2023.acl-long.754v2.pdf',
      key: 'acl:2023.acl-long.754',
      seen: 'a revised PDF (v2) of an Anthology paper',
    },
  ],
  DOI: [
    {
      href: 'https://doi.org/10.18653/v1/N19-1423',
      key: 'acl:N19-1423',
      seen: "BERT's DOI: an ACL DOI names the Anthology paper, so it gets the Anthology's key",
    },
    {
      href: 'https://doi.org/10.18653%2Fv1%2F2023.acl-long.754',
      key: 'acl:2023.acl-long.754',
      seen: 'a percent-encoded DOI, as some reference managers write them',
    },
    {
      href: 'https://doi.org/10.1109/CVPR.2016.90',
      key: 'doi:10.1109/cvpr.2016.90',
      seen: "ResNet's IEEE DOI as IEEE prints it (DOIs are compared in lower case)",
    },
    {
      href: 'http://dx.doi.org/10.1109/cvpr.2016.90',
      key: 'doi:10.1109/cvpr.2016.90',
      seen: 'the old dx.doi.org resolver, lower case',
    },
    {
      href: 'https://doi.org/10.1038/nature14539',
      key: 'doi:10.1038/nature14539',
      seen: "LeCun, Bengio and Hinton's Nature review (a link the arXiv table once listed as no paper)",
    },
    {
      href: 'https://doi.org/10.1038/s41586-021-03819-2',
      key: 'doi:10.1038/s41586-021-03819-2',
      seen: "AlphaFold's Nature DOI",
    },
    {
      href: 'https://www.doi.org/10.1145/3442188.3445922/',
      key: 'doi:10.1145/3442188.3445922',
      seen: 'an ACM DOI (FAccT 2021) with www. and a trailing slash',
    },
  ],
  PMLR: [
    {
      href: 'https://proceedings.mlr.press/v202/kandpal23a.html',
      key: 'pmlr:v202/kandpal23a',
      seen: 'an ICML 2023 paper in a reference list',
    },
    {
      href: 'http://proceedings.mlr.press/v119/wang20c/wang20c.pdf',
      key: 'pmlr:v119/wang20c',
      seen: 'a code comment citing an ICML 2020 paper by its PDF',
    },
    {
      href: 'https://proceedings.mlr.press/v28/jaggi13.pdf',
      key: 'pmlr:v28/jaggi13',
      seen: 'an ICML 2013 PDF without its own folder (older volumes)',
    },
    {
      href: 'http://proceedings.mlr.press/v9/glorot10a.html',
      key: 'pmlr:v9/glorot10a',
      seen: 'Glorot & Bengio 2010 (AISTATS) in a reference list',
    },
    {
      href: 'http://jmlr.org/proceedings/papers/v37/ioffe15.html',
      key: 'pmlr:v37/ioffe15',
      seen: "batch normalization (ICML 2015) at PMLR's first address",
    },
  ],
  NeurIPS: [
    {
      href: 'https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
      key: 'neurips:2020/1457c0d6bfcb4967418bfb8ac142f64a',
      seen: "GPT-3's abstract page (NeurIPS 2020)",
    },
    {
      href: 'https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
      key: 'neurips:2020/1457c0d6bfcb4967418bfb8ac142f64a',
      seen: "GPT-3's PDF in a reference list",
    },
    {
      href: 'https://proceedings.neurips.cc/paper_files/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf',
      key: 'neurips:2017/3f5ee243547dee91fbd053c1c4a845aa',
      seen: "'Attention is all you need' in a paper's references (the site's layout since 2023)",
    },
    {
      href: 'https://proceedings.neurips.cc/paper_files/paper/2024/hash/5a7c947568c1b1328ccc5230172e1e7c-Abstract-Conference.html',
      key: 'neurips:2024/5a7c947568c1b1328ccc5230172e1e7c',
      seen: 'a NeurIPS 2024 main-track abstract page in a README',
    },
    {
      href: 'https://proceedings.neurips.cc/paper_files/paper/2024/hash/97091a5177d8dc64b1da8bf3e1f6fb54-Abstract-Datasets_and_Benchmarks_Track.html',
      key: 'neurips:2024/97091a5177d8dc64b1da8bf3e1f6fb54',
      seen: 'a Datasets and Benchmarks track paper in a reference list',
    },
    {
      href: 'https://papers.nips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      key: 'neurips:2017/3f5ee243547dee91fbd053c1c4a845aa',
      seen: 'the older papers.nips.cc host, still redirected',
    },
  ],
  'CVF open access': [
    {
      href: 'https://openaccess.thecvf.com/content/CVPR2021/papers/Zhang_Data-Free_Knowledge_Distillation_for_Image_Super-Resolution_CVPR_2021_paper.pdf',
      key: 'cvf:CVPR2021/Zhang_Data-Free_Knowledge_Distillation_for_Image_Super-Resolution_CVPR_2021_paper',
      seen: 'a CVPR 2021 PDF in a paper list',
    },
    {
      href: 'https://openaccess.thecvf.com/content/CVPR2021/html/Zhang_Data-Free_Knowledge_Distillation_for_Image_Super-Resolution_CVPR_2021_paper.html',
      key: 'cvf:CVPR2021/Zhang_Data-Free_Knowledge_Distillation_for_Image_Super-Resolution_CVPR_2021_paper',
      seen: "the same paper's abstract page",
    },
    {
      href: 'https://openaccess.thecvf.com/content/WACV2023/papers/He_SD-Conv_Towards_the_Parameter-Efficiency_of_Dynamic_Convolution_WACV_2023_paper.pdf',
      key: 'cvf:WACV2023/He_SD-Conv_Towards_the_Parameter-Efficiency_of_Dynamic_Convolution_WACV_2023_paper',
      seen: 'a WACV 2023 paper in a README',
    },
    {
      href: 'https://openaccess.thecvf.com/content_cvpr_2017/html/Ledig_Photo-Realistic_Single_Image_CVPR_2017_paper.html',
      key: 'cvf:CVPR2017/Ledig_Photo-Realistic_Single_Image_CVPR_2017_paper',
      seen: 'SRGAN (CVPR 2017) in a blog post: the layout before 2020',
    },
    {
      href: 'https://openaccess.thecvf.com/content_CVPR_2019/papers/Ploumpis_Combining_3D_Morphable_Models_A_Large_Scale_Face-And-Head_Model_CVPR_2019_paper.pdf',
      key: 'cvf:CVPR2019/Ploumpis_Combining_3D_Morphable_Models_A_Large_Scale_Face-And-Head_Model_CVPR_2019_paper',
      seen: "an academic site's publication list: the old layout in upper case",
    },
    {
      href: 'https://openaccess.thecvf.com/content_CVPRW_2020/html/w42/Pacheco_On_Out-of-Distribution_Detection_Algorithms_With_Deep_Neural_Skin_Cancer_Classifiers_CVPRW_2020_paper.html',
      key: 'cvf:CVPR2020W/Pacheco_On_Out-of-Distribution_Detection_Algorithms_With_Deep_Neural_Skin_Cancer_Classifiers_CVPRW_2020_paper',
      seen: 'a CVPR 2020 workshop paper in a reference list (workshop folder w42)',
    },
    {
      href: 'https://openaccess.thecvf.com/content/CVPR2025W/IViSE/papers/Quan_Toward_Automation_in_Text-based_Video_Retrieval_with_LLM_Assistance_CVPRW_2025_paper.pdf',
      key: 'cvf:CVPR2025W/Quan_Toward_Automation_in_Text-based_Video_Retrieval_with_LLM_Assistance_CVPRW_2025_paper',
      seen: 'a CVPR 2025 workshop PDF in a report, under its workshop folder',
    },
  ],
  'Semantic Scholar': [
    {
      href: 'https://www.semanticscholar.org/paper/Clifford-Neural-Layers-for-PDE-Modeling-Brandstetter-Berg/84959e211a767f902cbf1695ec54a5b50148020f',
      key: 's2:84959e211a767f902cbf1695ec54a5b50148020f',
      seen: 'a paper page with its title slug, in a README',
    },
    {
      href: 'https://www.semanticscholar.org/paper/f48376d7d58e784e9d459bda361d221a2b383641',
      key: 's2:f48376d7d58e784e9d459bda361d221a2b383641',
      seen: "Papers with Code's export: the sha alone",
    },
    {
      href: 'https://pdfs.semanticscholar.org/0b44/fcbeea9415d400c5f5789d6b892b6f98daff.pdf',
      key: 's2:0b44fcbeea9415d400c5f5789d6b892b6f98daff',
      seen: "Semantic Scholar's PDF cache, which splits the sha after four characters",
    },
  ],
};

/** Pages on the same hosts that are not one paper: never a key. */
export const NOT_VENUE_URLS: [href: string, seen: string][] = [
  ['https://openreview.net/group?id=ICLR.cc/2024/Conference', "OpenReview: a venue's page"],
  ['https://openreview.net/profile?id=~Yoshua_Bengio1', "OpenReview: an author's profile"],
  ['https://openreview.net/forum', 'OpenReview: a forum link with no id'],
  ['https://openreview.net/pdf/8a1f8b1e4b6c1e5f.pdf', 'OpenReview: a PDF named by its hash only'],
  ['https://aclanthology.org/volumes/2023.acl-long/', 'ACL Anthology: a volume'],
  ['https://aclanthology.org/events/acl-2023/', 'ACL Anthology: an event'],
  ['https://aclanthology.org/people/c/christopher-d-manning/', 'ACL Anthology: an author'],
  ['https://aclanthology.org/2023.acl-long.0/', "ACL Anthology: a volume's front matter"],
  ['https://aclanthology.org/', 'ACL Anthology: the home page'],
  ['https://doi.org/10.1145', 'DOI: a prefix alone'],
  ['https://doi.org/10.1145/', 'DOI: a prefix with its slash'],
  ['https://doi.org/', 'DOI: the resolver itself'],
  ['https://proceedings.mlr.press/v202/', 'PMLR: a volume'],
  ['https://proceedings.mlr.press/', 'PMLR: the list of volumes'],
  ['https://jmlr.org/papers/v21/20-074.html', 'JMLR: a journal article, not proceedings'],
  ['https://proceedings.neurips.cc/paper/2020', 'NeurIPS: a year'],
  ['https://proceedings.neurips.cc/paper_files/paper/2023', 'NeurIPS: a year, newer layout'],
  ['https://papers.nips.cc/', 'NeurIPS: the home page'],
  ['https://openaccess.thecvf.com/CVPR2023?day=all', 'CVF: a conference day'],
  ['https://openaccess.thecvf.com/menu', 'CVF: the menu'],
  ['https://openaccess.thecvf.com/content/CVPR2023/html/', 'CVF: a folder'],
  ['https://www.semanticscholar.org/author/Yoshua-Bengio/1751762', 'Semantic Scholar: an author'],
  ['https://www.semanticscholar.org/search?q=attention', 'Semantic Scholar: a search'],
  ['https://www.semanticscholar.org/paper/', 'Semantic Scholar: no paper'],
];
