// `broken-file-reference`: a relative link, or a script a step runs, that does not exist.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {codePlace} from '../code-place.js'
import {defineRule} from '../define-rule.js'
import {keepSegments, lexShell} from '../shell/lex.js'
import {stepScript, wouldRun} from '../step-script.js'

// Links in prose: `[t](dest)`, `![a](dest)`, `[label]: dest`, `href="dest"`, `src="dest"`.
const links = /!?\[(?:[^\]\n]|\][^(\n]){0,500}\]\(\s*(<[^>\n]*>|[^\s)]+)|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)|\b(?:href|src)=["']([^"'\n]+)["']/gm

// A script run from a step: `./scripts/x.sh` as a command, or `bash scripts/x.sh`.
const scripts = /(?:^|[;&|(`]|\$\(|\bsudo\s|\bthen\s|\bdo\s)\s*(\.{1,2}\/[\w./-]+)|\b(?:bash|sh|zsh|source|python3?|node)\s+(?:-\w+\s+)*((?:\.{1,2}\/)?[\w-][\w./-]*\.(?:sh|bash|py|js|mjs))\b/gm

// A link or script that does not exist sends the reader (or the run) nowhere.
export const brokenFileReference = defineRule(
  {id: 'broken-file-reference', severity: 'warning', description: 'A relative link or script path that does not exist', scope: 'any'},
  (runbook, context) => {
    const exists = (target: string, base: string) => {
      const file = path.resolve(base, target)
      const found = existsSync(file)
      context.depend(file, found)
      return found
    }
    const prose = context.text.prose
    if (/\]\(|\]:|href=|src=/.test(prose)) {
      for (const m of prose.matchAll(links)) {
        const raw = (m[1] ?? m[2] ?? m[3]!).replace(/^<|>$/g, '')
        const target = localTarget(raw)
        if (target === undefined || exists(target, runbook.dir)) continue
        const at = m.index + m[0].lastIndexOf(raw)
        context.report(`Link target \`${raw}\` does not exist (relative to ${runbook.file})`, {start: at, end: at + raw.length})
      }
    }
    let moved = false
    for (const step of runbook.steps) {
      const script = stepScript(step)
      if (script === undefined) continue
      const code = keepSegments(script, lexShell(script), ['code', 'double'])
      const cd = code.search(/(?:^|[\s;&|(])(?:cd|pushd)\s/m)
      const base = step.options.cwd && !step.options.cwd.includes('$') ? path.resolve(runbook.dir, step.options.cwd) : runbook.dir
      if (moved && !step.options.cwd) continue
      for (const m of code.matchAll(scripts)) {
        if (cd !== -1 && m.index > cd) break
        const target = m[1] ?? m[2]!
        if (!wouldRun(step) || exists(target, base) || script.slice(0, m.index).includes(target)) continue
        const at = m.index + m[0].lastIndexOf(target)
        context.report(`Script \`${target}\` run by step \`${step.id}\` does not exist`, codePlace(step.code, at, at + target.length, step, context.text.locate, runbook.source))
      }
      if (cd !== -1) moved = true
    }
  },
)

// The file part of a relative link, or undefined for URLs, anchors, absolute paths and templates.
function localTarget(raw: string): string | undefined {
  if (raw === '' || /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#|\/|~|\\)/.test(raw) || /[{}$%<>]|\{\{/.test(raw.replace(/%[0-9A-Fa-f]{2}/g, ''))) return undefined
  const file = raw.replace(/[#?].*$/, '')
  if (file === '') return undefined
  try {
    return decodeURIComponent(file)
  } catch {
    return file
  }
}
