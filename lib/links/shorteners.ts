/**
 * Link shorteners: hosts that redirect without saying where to. The page often shows the target
 * as the link's text, title or `data-expanded-url`, which is where PaperPeek reads it from.
 */
const SHORTENER_HREF =
  /^https?:\/\/(?:t\.co|bit\.ly|buff\.ly|ow\.ly|lnkd\.in|tinyurl\.com|dlvr\.it)\//i;

export function isShortenerHref(href: string): boolean {
  return SHORTENER_HREF.test(href);
}
