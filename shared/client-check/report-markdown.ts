import type { ClientCheckResult } from './check-types';
import { reportModel } from './report-model';

const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const fence = (text: string) => {
  const ticks = text.includes('```') ? '~~~~' : '```';
  return `${ticks}\n${text}\n${ticks}`;
};

/** The client check as Markdown, for a support ticket. Never carries a secret. */
export function renderMarkdownReport(result: ClientCheckResult): string {
  const m = reportModel(result);
  const out: string[] = [`# ${m.title}`, '', '| | |', '|---|---|'];
  for (const [k, v] of m.header) out.push(`| ${cell(k)} | ${cell(v)} |`);
  out.push('', `## Summary: ${m.summary.outcome}`, '', m.summary.sentence, '');
  if (m.summary.changes.length > 0) {
    out.push('Changes to make, in order:', '');
    m.summary.changes.forEach((c, i) => out.push(`${i + 1}. ${c}`));
    out.push('');
  }
  out.push('## Steps', '');
  for (const s of m.steps) {
    out.push(`### ${s.heading}: ${s.status}`, '');
    for (const line of s.lines) out.push(line, '');
    if (s.facts.length > 0) {
      for (const [k, v] of s.facts) out.push(`- ${k}: ${v}`);
      out.push('');
    }
    if (s.rows.length > 0) {
      out.push('| scope | preset | status | verdict | finding |', '|---|---|---|---|---|');
      for (const r of s.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
      out.push('');
    }
    for (const x of s.exchanges) {
      out.push(`#### ${x.title}`, '', 'Request:', '', fence(x.request), '', 'Answer:', '');
      out.push(fence(x.response), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
