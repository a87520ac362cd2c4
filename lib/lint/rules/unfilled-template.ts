// `unfilled-template`: `[TO BE FILLED]`, `[PASTE … HERE]`, `TBD`, `TODO:` left in the prose.
import {defineRule} from '../define-rule.js'

// Template markers, matched in prose only (code, comments and front matter are blanked out).
const markers = /\[(?:TO BE (?:FILLED|DEFINED|DETERMINED|CONFIRMED)(?: IN)?|(?:PASTE|INSERT|ADD|FILL(?: IN)?|ENTER|PUT)\b[^\]\n]{0,60}\b(?:HERE|BELOW)|TODO|TBD|TBC|FIXME|PLACEHOLDER)\]|(?<![\w-])(?:TBD|TBC)(?![\w-])|(?<![\w-])(?:TODO|FIXME|XXX)(?:\([^)\n]*\))?:/g

// A template left unfilled tells the reader nothing and hides a missing step.
export const unfilledTemplate = defineRule(
  {id: 'unfilled-template', severity: 'warning', description: '`[TO BE FILLED]`, `[PASTE … HERE]`, `TBD` or `TODO:` left in the text', scope: 'any'},
  (_runbook, context) => {
    const prose = context.text.prose
    if (!/TO BE|PASTE|INSERT|ADD|FILL|ENTER|PUT|TODO|TBD|TBC|FIXME|XXX|PLACEHOLDER/.test(prose)) return
    for (const m of prose.matchAll(markers)) {
      context.report(`Unfilled template text \`${m[0]}\`: fill it in or remove it`, {start: m.index, end: m.index + m[0].length})
    }
  },
)
