// The page around the report: a strict content policy (nothing may load), inline styles, no script.
import {escapeHtml} from './escape.js'

const style = `
:root{color-scheme:light dark;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--dim:#6e7781;--line:#d0d7de}
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px}
h1{font-size:20px}h2{font-size:17px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:28px}h3{font-size:15px}h4{margin:10px 0 4px;font-size:13px}
table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
pre{background:rgba(127,127,127,.1);padding:8px;overflow:auto;white-space:pre-wrap;word-break:break-word;margin:4px 0}
.ok,.s-passed{color:var(--ok)}.bad,.s-failed,.s-timed-out,.s-interrupted{color:var(--bad)}.s-skipped,.s-not-run,.s-manual{color:var(--dim)}
details.step .body{color:CanvasText}
details.step{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:4px 8px}details.failed{border-color:var(--bad)}
summary{cursor:pointer}.meta{color:var(--dim)}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dt{color:var(--dim)}dd{margin:0}
.diff .add{color:var(--ok)}.diff .del{color:var(--bad)}.diff .hunk{color:#0969da}.diff .dim{color:var(--dim)}
.lane{display:flex;align-items:center;margin:3px 0}.lane-key{width:90px;flex:none;color:var(--dim);font-size:12px}
.track{position:relative;flex:1;height:22px;background:rgba(127,127,127,.08);border-radius:3px}
.bar{position:absolute;top:2px;height:18px;border-radius:3px;font-size:11px;line-height:18px;padding:0 3px;overflow:hidden;white-space:nowrap;text-decoration:none;color:#fff;background:var(--ok);box-sizing:border-box;min-width:6px}
.bar.s-failed,.bar.s-timed-out,.bar.s-interrupted{background:var(--bad)}.bar.s-skipped,.bar.s-not-run{background:var(--dim)}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;background:var(--ok)}.badge.bad{background:var(--bad)}.badge.warn{background:var(--warn)}
`

// A whole HTML document: `title` in the head, `body` as given (already escaped).
export function renderPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may be fetched: no scripts, images, fonts or frames from anywhere; only the inline style applies.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
