/** The background worker: wiring only; each piece registers itself (lib/worker/). */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledDigest from '@/assets/digest.json';
import { openDatabase } from '@/lib/db';
import { openReadingList } from '@/lib/reading-list/open-view';
import { sourceSettingsItem, readSourceSettings } from '@/lib/sources/source-settings';
import { registerBadge } from '@/lib/worker/badge';
import { registerRefreshAlarm } from '@/lib/worker/refresh-alarm';
import { registerPdfRedirect } from '@/lib/worker/pdf-redirect';
import { registerReaderMenu } from '@/lib/worker/reader-menu';
import { registerSaveMenu } from '@/lib/worker/save-menu';
import { registerServices } from '@/lib/worker/services';
import { registerSyncTriggers } from '@/lib/worker/sync-triggers';

export default defineBackground(() => {
  const db = openDatabase();
  // MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods.
  const action = browser.action ?? browser.browserAction;
  const badge = registerBadge(browser, action);
  const requestSync = registerSyncTriggers(browser, db);
  const pdfRedirect = registerPdfRedirect(browser);
  const { service, jobs, fillInDetails } = registerServices(browser, {
    db,
    bundledDigest: () => bundledDigest,
    reportPageSummary: badge.report,
    requestSync,
    showReadingList: () => openReadingList(browser),
    showSettings: () => browser.runtime.openOptionsPage(),
    allowInBrowserViewer: pdfRedirect.allowInBrowserViewer,
    isFirefox: import.meta.env.FIREFOX,
  });
  registerRefreshAlarm(browser, {
    refreshHours: async () => (await readSourceSettings()).refreshHours,
    watchSettings: (changed) =>
      void sourceSettingsItem.watch(() => {
        changed();
        fillInDetails(); // look-ups may just have been allowed
      }),
    refreshAll: () => jobs.refreshAll().finally(fillInDetails),
  });
  const sender = { id: browser.runtime.id };
  registerSaveMenu(browser, {
    lookup: (keys) => service.lookup({ keys }, sender),
    save: (paperId) => service.save({ paperId }, sender),
    flash: badge.flash,
  });
  registerReaderMenu(browser);
});
