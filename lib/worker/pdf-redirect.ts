/**
 * arXiv PDF addresses open in PaperPeek's reader: a declarativeNetRequest rule redirects a tab's
 * navigation to `arxiv.org/pdf/…` (any version, `.pdf` or not, old-style ids, `export.` and
 * `www.`) to `reader.html?file=<that address>`, while the setting "Open arXiv PDFs in PaperPeek"
 * is on. "Open in the browser's viewer" allows that one address in that one tab, so it reaches
 * the browser's viewer without looping back (as PDF.js's own extension lets the user go back).
 * Owns: the rules. Never: redirects anything but a top-level navigation to an arXiv PDF, or
 * redirects while the setting is off.
 */

import { readSettings, SETTINGS_KEY, settingsFrom, type SettingsStorage } from '../settings';

export const ARXIV_PDF_RULE_ID = 1;
const ALLOW_RULE_ID = 2;

/** The addresses redirected (RE2, as declarativeNetRequest reads it). */
export const ARXIV_PDF_ADDRESS = '^https?://(?:export\\.|www\\.)?arxiv\\.org/pdf/[^?#]+.*$';

interface Rule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } } | { type: 'allow' };
  condition: {
    regexFilter?: string;
    urlFilter?: string;
    resourceTypes: 'main_frame'[];
    tabIds?: number[];
  };
}

export interface RedirectBrowser {
  declarativeNetRequest: {
    updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
    updateSessionRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
  };
  runtime: { getURL(path: '/reader.html'): string };
}

/** The redirect rule: the whole address becomes the reader's `file`. */
export function arxivPdfRule(readerUrl: string): Rule {
  return {
    id: ARXIV_PDF_RULE_ID,
    priority: 1,
    action: { type: 'redirect', redirect: { regexSubstitution: `${readerUrl}?file=\\0` } },
    condition: { regexFilter: ARXIV_PDF_ADDRESS, resourceTypes: ['main_frame'] },
  };
}

/** Whether the redirect rule would take this address (for tests and the reader's wording). */
export function isRedirectedAddress(url: string): boolean {
  return new RegExp(ARXIV_PDF_ADDRESS).test(url);
}

export function createPdfRedirect(browser: RedirectBrowser) {
  const rules = browser.declarativeNetRequest;
  return {
    /** Puts the rule in place, or takes it away, as the setting says. */
    async apply(enabled: boolean): Promise<void> {
      await rules.updateDynamicRules({
        removeRuleIds: [ARXIV_PDF_RULE_ID],
        ...(enabled ? { addRules: [arxivPdfRule(browser.runtime.getURL('/reader.html'))] } : {}),
      });
    },
    /**
     * Lets `url` through to the browser's viewer in tab `tabId`, once the user asked for it: the
     * last such choice replaces the one before, so at most one address is let through.
     */
    async allowInBrowserViewer(url: string, tabId: number): Promise<void> {
      await rules.updateSessionRules({
        removeRuleIds: [ALLOW_RULE_ID],
        addRules: [
          {
            id: ALLOW_RULE_ID,
            priority: 2,
            action: { type: 'allow' },
            condition: { urlFilter: `|${url}|`, resourceTypes: ['main_frame'], tabIds: [tabId] },
          },
        ],
      });
    },
  };
}

/** Keeps the rule in step with the setting, from the worker's start on. */
export function registerPdfRedirect(
  browser: RedirectBrowser & {
    storage: {
      local: SettingsStorage;
      onChanged: {
        addListener(
          listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
        ): void;
      };
    };
  },
) {
  const redirect = createPdfRedirect(browser);
  const report = (error: unknown) =>
    console.error('PaperPeek could not set the arXiv PDF redirect:', error);
  void readSettings(browser.storage.local)
    .then((settings) => redirect.apply(settings.arxivPdfsInReader))
    .catch(report);
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) {
      redirect.apply(settingsFrom(change.newValue).arxivPdfsInReader).catch(report);
    }
  });
  return redirect;
}
