import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledDigest from '@/assets/digest.json';
import { createBadgeTracker } from '@/lib/badge';
import { openDatabase } from '@/lib/db';
import { createMessageListener } from '@/lib/messages';
import { createPaperService } from '@/lib/paper-service';

export default defineBackground(() => {
  // MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods.
  const action = browser.action ?? browser.browserAction;
  const badge = createBadgeTracker(async (tabId, text) => {
    await action.setBadgeText({ tabId, text }).catch(() => undefined); // tab closed meanwhile
  });
  void action.setBadgeBackgroundColor({ color: '#b31b1b' });
  browser.tabs.onRemoved.addListener((tabId) => badge.forget(tabId));

  const service = createPaperService(openDatabase(), {
    bundledDigest: () => bundledDigest,
    reportPageSummary: badge.report,
  });
  browser.runtime.onMessage.addListener(createMessageListener(service, browser.runtime.id));
  // Every worker start (install, update, browser start, wake-up) checks the bundled digest: a
  // same-revision check is one hash and one read, and it repairs a load that failed last time.
  void service.ensureBundledDigest().then((result) => {
    if (!result.ok) console.error('PaperPeek could not load its bundled digest:', result.problems);
  });
});
