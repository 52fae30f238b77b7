import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core's own bundle, evaluated in the page through the DevTools protocol (which the page's
// Content-Security-Policy does not govern, so the app under test keeps its real policy).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

// The serious and critical violations axe finds on the page as it is now, one line each in a
// failure message.
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeProblems(problems: readonly AxeProblem[]): string {
  return problems.map((p) => `${p.impact} ${p.id}: ${p.help} — ${p.targets.slice(0, 5).join(', ')}`).join('\n');
}
