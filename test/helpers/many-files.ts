// A temp folder of runbooks for many-file runs: `tree({'docs/a.md': '…'})`, removed by `cleanup()`.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

const fence = '```'

// Write each file of `files` (relative path → text) under a new temp folder.
export function tree(files: Record<string, string>): {dir: string; cleanup: () => void} {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-many-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  return {dir, cleanup: () => rmSync(dir, {recursive: true, force: true})}
}

// A runbook with one bash step per entry (`id` → script).
export function book(title: string, steps: Record<string, string>): string {
  const parts = [`# ${title}`, '']
  for (const [id, script] of Object.entries(steps)) parts.push(`${fence}bash {#${id}}`, script, fence, '')
  return parts.join('\n')
}
