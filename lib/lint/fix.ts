// `--fix`: apply the safe fixes of a file's findings as `{start, end, text}` edits, bottom-up
// on the original text (markdownlint's applyFixes): no tree is ever re-serialised.
import type {Fix, LintMessage} from './types.js'

// The fixed text and how many edits were applied; overlapping edits after the first are left out.
export function applyFixes(source: string, messages: readonly LintMessage[]): {text: string; applied: number} {
  const fixes = messages.map((m) => m.fix).filter((f): f is Fix => f !== undefined)
  fixes.sort((a, b) => b.start - a.start || b.end - a.end)
  let text = source
  let applied = 0
  let limit = Infinity
  for (const fix of fixes) {
    if (fix.end > limit || fix.start > fix.end || fix.end > source.length) continue
    text = text.slice(0, fix.start) + fix.text + text.slice(fix.end)
    limit = fix.start
    applied++
  }
  return {text, applied}
}
