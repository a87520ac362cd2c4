// Check that `runbook annotate` changed nothing but what it may: the front matter it adds (or its
// `runbook:` lines), `{…}` after a fence's language (with `bash`/`text` when the fence had none),
// listed `<placeholder>` → `${NAME}` rewrites, and {expect} bodies when `expectBodies` is set.
// Returns the first offending line pair, or undefined when every change is allowed.
export function disallowedChange(original, annotated, rewrites, expectBodies = false) {
  let text = annotated
  const added = /^---\nrunbook:\n(?: {2}.*\n)+---\n\n/.exec(text)
  if (added && !original.startsWith('---\nrunbook:')) text = text.slice(added[0].length)
  else if (!original.includes('\nrunbook:')) text = text.replace(/^runbook:\n(?: {2}.*\n)+/m, '')
  const before = original.split('\n')
  const after = text.split('\n')
  if (before.length !== after.length) return {line: 0, before: `${before.length} lines`, after: `${after.length} lines`}
  let inExpect = false
  for (let i = 0; i < before.length; i++) {
    const a = before[i]
    let b = after[i]
    if (a === b) {
      if (/^[ \t]*(`{3,}|~{3,})/.test(a)) inExpect = false
      continue
    }
    if (b.startsWith(a) && /^ ?(?:bash |text )?\{[^\n]*\}$/.test(b.slice(a.length)) && /^[ \t>]*(?:[-*+]|\d+[.)])?[ \t]*(`{3,}|~{3,})/.test(a)) {
      inExpect = b.endsWith('{expect}')
      continue
    }
    for (const rewrite of [...rewrites].sort((x, y) => y.to.length - x.to.length)) b = b.split(rewrite.to).join(rewrite.from)
    if (a === b) continue
    if (expectBodies && inExpect) continue
    return {line: i + 1, before: a, after: after[i]}
  }
  return undefined
}
