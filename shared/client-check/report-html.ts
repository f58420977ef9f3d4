import type { ClientCheckResult } from './check-types';
import { reportModel } from './report-model';

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
pre{background:#f4f4f5;padding:.5rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
.passed{color:#1b7a36}.failed{color:#b3261e}.skipped,.undecided{color:#7a5b00}h3{margin-top:1.5rem}`;

/** The client check as one self-contained HTML file: no script, no external resource. */
export function renderHtmlReport(result: ClientCheckResult): string {
  const m = reportModel(result);
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(m.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${esc(m.title)}</h1><table>`,
    ...m.header.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`),
    '</table>',
    `<h2>Summary: <span class="${esc(m.summary.outcome)}">${esc(m.summary.outcome)}</span></h2>`,
    `<p>${esc(m.summary.sentence)}</p>`,
  ];
  if (m.summary.changes.length > 0) {
    parts.push('<p>Changes to make, in order:</p><ol>');
    parts.push(...m.summary.changes.map((c) => `<li>${esc(c)}</li>`), '</ol>');
  }
  parts.push('<h2>Steps</h2>');
  for (const s of m.steps) {
    const verdict = s.status.split(',')[0] ?? '';
    parts.push(`<h3>${esc(s.heading)}: <span class="${esc(verdict)}">${esc(s.status)}</span></h3>`);
    parts.push(...s.lines.map((l) => `<p>${esc(l)}</p>`));
    if (s.facts.length > 0) {
      parts.push('<ul>', ...s.facts.map(([k, v]) => `<li>${esc(k)}: ${esc(v)}</li>`), '</ul>');
    }
    if (s.rows.length > 0) {
      parts.push(
        '<table><tr><th>scope</th><th>preset</th><th>status</th><th>verdict</th><th>finding</th></tr>',
      );
      for (const r of s.rows) parts.push(`<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
      parts.push('</table>');
    }
    for (const x of s.exchanges) {
      parts.push(`<h4>${esc(x.title)}</h4><p>Request:</p><pre>${esc(x.request)}</pre>`);
      parts.push(`<p>Answer:</p><pre>${esc(x.response)}</pre>`);
    }
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
