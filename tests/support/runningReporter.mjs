// A vitest reporter that keeps, in one file, the test files and tests running at this moment.
// A worker stuck in a synchronous loop never reaches vitest's own timeouts; when the runner ends
// such a phase, this file says which test it was (scripts/run.mjs prints it).
import fs from 'node:fs';
import path from 'node:path';

export default class RunningReporter {
  constructor(options = {}) {
    this.file = options.file ?? process.env.SAKUTEI_RUNNING_FILE ?? 'tests/.tmp/running.txt';
    this.modules = new Set();
    this.cases = new Map();
    this.startedAt = new Map();
  }

  onTestModuleStart(testModule) {
    this.modules.add(testModule.relativeModuleId ?? testModule.moduleId);
    this.startedAt.set(testModule.relativeModuleId ?? testModule.moduleId, Date.now());
    this.write();
  }

  onTestModuleEnd(testModule) {
    const id = testModule.relativeModuleId ?? testModule.moduleId;
    this.modules.delete(id);
    this.startedAt.delete(id);
    for (const [key, testCase] of this.cases) if (testCase.module === id) this.cases.delete(key);
    this.write();
  }

  onTestCaseReady(testCase) {
    this.cases.set(testCase.id, { module: testCase.module.relativeModuleId ?? testCase.module.moduleId, name: testCase.fullName });
    this.write();
  }

  onTestCaseResult(testCase) {
    this.cases.delete(testCase.id);
    this.write();
  }

  write() {
    const now = Date.now();
    const lines = [...this.modules].map((id) => {
      const tests = [...this.cases.values()].filter((c) => c.module === id).map((c) => `    ${c.name}`);
      return [`  ${id} (started ${Math.round((now - this.startedAt.get(id)) / 1000)} s before this line was written)`, ...tests].join('\n');
    });
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, lines.join('\n') + '\n');
  }
}
