/**
 * Prints one plain closing line per run, `<project>: N passed, N failed` (and skipped), so the
 * outcome reads the same in any log, whatever the colours and layout of the default reporter.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // A file that fails to load has no tests to count but must not read as a pass.
      if (module.state() === 'failed' && module.children.size === 0) failed += 1;
    }
    const project = modules[0]?.project.name ?? 'tests';
    console.log(
      `\n${project}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
    );
  }
}
