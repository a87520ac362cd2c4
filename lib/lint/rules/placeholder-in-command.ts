// `placeholder-in-command`: `<registry>`, `<valid-token>` left in a step that would run.
import {codePlace} from '../code-place.js'
import {defineRule} from '../define-rule.js'
import {keepSegments, lexShell} from '../shell/lex.js'
import {stepScript, wouldRun} from '../step-script.js'

// A `<word>` or `<two words>` placeholder; `<` redirections (`< file`, `<(`, `<<`) do not match.
export const placeholder = /(?<![<\w$])<([A-Za-z][\w.-]*(?:[ _-][\w.-]+){0,4})>(?!>)/g

// Words a step would send to a shell as they are, which the author meant the reader to replace.
export const placeholderInCommand = defineRule(
  {id: 'placeholder-in-command', severity: 'error', description: 'A `<placeholder>` left in a step that would run'},
  (runbook, context) => {
    for (const step of runbook.steps) {
      if (!wouldRun(step)) continue
      let text: string | undefined
      if (step.runner === 'http' && step.http) {
        const headerEnd = step.code.search(/\n[ \t]*\r?\n/)
        text = headerEnd === -1 ? step.code : step.code.slice(0, headerEnd) + step.code.slice(headerEnd).replace(/[^\n]/g, ' ')
      } else {
        const script = stepScript(step)
        if (script === undefined) continue
        text = keepSegments(script, lexShell(script), ['code', 'single', 'double'])
      }
      for (const m of text.matchAll(placeholder)) {
        if (/^(?:\w+)$/.test(m[1]!) && htmlTags.has(m[1]!.toLowerCase())) continue
        const place = codePlace(step.code, m.index, m.index + m[0].length, step, context.text.locate, runbook.source)
        context.report(`Placeholder \`${m[0]}\` in step \`${step.id}\` would be run as is: replace it with a \`\${VARIABLE}\` input or a real value`, place)
        break
      }
    }
  },
)

// Tag names that are HTML, not placeholders, when they stand alone (`<br>`).
export const htmlTags = new Set(['html', 'head', 'body', 'div', 'span', 'p', 'br', 'b', 'i', 'a', 'pre', 'code', 'table', 'tr', 'td', 'th', 'ul', 'li', 'xml'])
