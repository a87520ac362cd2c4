// `destructive-without-confirm`: a step that deletes data runs without `confirm="…"`.
import {codePlace} from '../code-place.js'
import {defineRule} from '../define-rule.js'
import {keepSegments, lexShell} from '../shell/lex.js'
import {stepScript, wouldRun} from '../step-script.js'

// Commands that destroy data or state that cannot be brought back by re-running the runbook.
const destructive: Array<[RegExp, string]> = [
  [/\brm\s+(?:-\w+\s+|--\w[\w-]*\s+)*(?:-[a-zA-Z]*[rR][a-zA-Z]*f[a-zA-Z]*|-[a-zA-Z]*f[a-zA-Z]*[rR][a-zA-Z]*)\b/, 'rm -rf'],
  [/\brm\s+(?:-\w+\s+)*(?:-[rR]\s+(?:-\w+\s+)*-f|-f\s+(?:-\w+\s+)*-[rR]|--recursive\s+--force|--force\s+--recursive)\b/, 'rm -rf'],
  [/\bdocker[- ]compose\b[^\n;|&]*\sdown\b[^\n;|&]*\s(?:-v|--volumes)\b/, 'compose down -v'],
  [/\bDROP\s+(?:TABLE|DATABASE|SCHEMA|INDEX|USER|ROLE|VIEW)\b/i, 'DROP'],
  [/\bTRUNCATE\s+(?:TABLE\s+)?[\w."]/i, 'TRUNCATE'],
  [/\bDELETE\s+FROM\s+[\w."]+\s*(?:;|$)/im, 'DELETE without WHERE'],
  [/\b(?:FLUSHALL|FLUSHDB)\b/i, 'FLUSHALL'],
  [/\b(?:docker|podman)\s+(?:\w+\s+)?prune\b/, 'prune'],
  [/\bkubectl\b[^\n;|&]*\s(?:delete|drain)\b/, 'kubectl delete'],
  [/\boc\b[^\n;|&]*\s(?:delete|drain)\b/, 'oc delete'],
  [/\boc\s+adm\s+(?:drain|prune)\b/, 'oc adm drain'],
  [/\bhelm\s+(?:uninstall|delete|del|un)\b/, 'helm uninstall'],
  [/\bterraform\s+(?:destroy|apply\s[^\n]*-destroy|state\s+rm|workspace\s+delete)\b/, 'terraform destroy'],
  [/\betcdctl\b[^\n;|&]*\s(?:del|defrag)\b/, 'etcdctl del'],
  [/\bgit\s+push\b[^\n;|&]*\s(?:--force(?:-with-lease)?|-f)\b/, 'git push --force'],
  [/\bgit\s+(?:reset\s+--hard|clean\s+-\w*f)\b/, 'git reset --hard'],
  [/\b(?:dropdb|mkfs(?:\.\w+)?|wipefs)\b/, 'dropdb'],
  [/\bdd\s[^\n]*\bof=\/dev\//, 'dd of=/dev/'],
  [/\baws\s+s3\s+(?:rb\b|rm\b[^\n]*--recursive)/, 'aws s3 rm --recursive'],
  [/\b(?:gcloud|az)\b[^\n;|&]*\sdelete\b/, 'cloud delete'],
]

// A step that deletes things should ask first (`confirm=`), so a copy-paste run cannot destroy data.
export const destructiveWithoutConfirm = defineRule(
  {id: 'destructive-without-confirm', severity: 'warning', description: 'A destructive command (`rm -rf`, `DROP TABLE`, `kubectl delete`…) in a step without `confirm`'},
  (runbook, context) => {
    const scratch = scratchVariables(runbook.steps.map((s) => s.code).join('\n'))
    for (const step of runbook.steps) {
      if (!wouldRun(step) || step.options.confirm !== undefined) continue
      const script = stepScript(step)
      if (script === undefined) continue
      const text = keepSegments(script, lexShell(script), ['code', 'single', 'double', 'heredoc', 'heredoc-quoted'])
      let first: {index: number; length: number; what: string} | undefined
      for (const [pattern, what] of destructive) {
        const m = pattern.exec(text)
        if (!m || (what === 'rm -rf' && onlyScratch(text.slice(m.index + m[0].length), scratch))) continue
        if (!first || m.index < first.index) first = {index: m.index, length: m[0].trimEnd().length, what: m[0].trim()}
      }
      if (!first) continue
      const place = codePlace(step.code, first.index, first.index + first.length, step, context.text.locate, runbook.source)
      context.report(`Step \`${step.id}\` runs \`${first.what}\` without \`confirm="…"\`: add a confirmation question so it cannot run unattended by accident`, place)
    }
  },
)

// Variables that hold a scratch folder: `DIR=$(mktemp -d)`.
function scratchVariables(code: string): Set<string> {
  return new Set([...code.matchAll(/\b([A-Za-z_]\w*)=["']?\$\(mktemp\b/g)].map((m) => m[1]!))
}

// `rm -rf` of scratch space only (`"$TMP_DIR"` from mktemp, `/tmp/…`) deletes nothing of value.
function onlyScratch(rest: string, scratch: Set<string>): boolean {
  const targets = (rest.split(/[\n;&|]/)[0] ?? '').trim().split(/\s+/).filter(Boolean)
  return targets.length > 0 && targets.every((t) => {
    const bare = t.replace(/^["']|["']$/g, '')
    const variable = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(bare)?.[1]
    return (variable !== undefined && scratch.has(variable)) || /^\/tmp\/[\w.-]/.test(bare)
  })
}

// The first destructive command in a shell text (`rm -rf`, `kubectl delete` …), for `runbook annotate`.
export function destructiveCommand(text: string): string | undefined {
  for (const [pattern, what] of destructive) if (pattern.test(text)) return what
  return undefined
}
