import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledDigest from '@/assets/digest.json';
import { openDatabase } from '@/lib/db';
import { createMessageListener } from '@/lib/messages';
import { createPaperService } from '@/lib/paper-service';

export default defineBackground(() => {
  const service = createPaperService(openDatabase(), { bundledDigest: () => bundledDigest });
  browser.runtime.onMessage.addListener(createMessageListener(service, browser.runtime.id));
  // Every worker start (install, update, browser start, wake-up) checks the bundled digest: a
  // same-revision check is one hash and one read, and it repairs a load that failed last time.
  void service.ensureBundledDigest().then((result) => {
    if (!result.ok) console.error('PaperPeek could not load its bundled digest:', result.problems);
  });
});
