/**
 * A vitest reporter that says when each test file starts ("▶ tests/site/sample.test.ts (3 of
 * 61)"), beside the default reporter, which says when each ends. Without it `npm test` in a log
 * or pipe (CI) prints nothing until the first files finish, minutes in: the site tests build
 * sites in beforeAll. In a terminal (outside CI) the default reporter already shows the files
 * running, so this one stays quiet there.
 */
import path from 'node:path';
import type { Reporter, TestModule, TestSpecification, Vitest } from 'vitest/node';
import { wantsProgress } from '../../scripts/lib/progress.ts';

export default class StartedReporter implements Reporter {
  private vitest?: Vitest;
  private total = 0;
  private started = 0;
  private readonly quiet = wantsProgress(process.stdout, process.env);

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    this.total = specifications.length;
    this.started = 0;
  }

  onTestModuleQueued(module: TestModule): void {
    this.started++;
    if (this.quiet || !this.vitest) return;
    const file = path.relative(this.vitest.config.root, module.moduleId);
    this.vitest.logger.log(` ▶ ${file} (${this.started} of ${this.total})`);
  }
}
