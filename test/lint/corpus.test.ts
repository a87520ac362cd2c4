// Lint survives every real runbook we have: the seeds and the ~1,800-file corpus, no crash, valid JSON.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {sharedDir} from '../helpers/shared.js'
import {repoPath} from '../helpers/paths.js'

const shared = sharedDir
const validate = new Ajv().compile(JSON.parse(readFileSync(repoPath('test/fixtures/lint/lint-json.schema.json'), 'utf8')) as object)

for (const [name, target] of [
  ['every seed', 'seeds'],
  ['every corpus file', 'corpus'],
] as const) {
  t.test(`lint reads ${name} without crashing`, {timeout: 240_000, skip: existsSync(path.join(shared, target)) ? false : `${shared}/${target} is not on this machine`}, async (t) => {
    const r = await runCli(['lint', target, '--format', 'json'], {cwd: shared, timeoutMs: 220_000})
    t.equal(r.stderr, '', 'nothing on stderr')
    t.ok(r.code === 0 || r.code === 1, `exit 0 or 1, got ${r.code}`)
    const data = JSON.parse(r.stdout) as Array<{message: string; ruleId: string; file: string}>
    t.ok(validate(data), 'the report validates')
    t.same(data.filter((m) => /Internal error/.test(m.message)), [], 'no rule crashed')
    t.ok(data.every((m) => m.file.startsWith(`${target}/`)), 'files are named relative to the working folder')
  })
}
