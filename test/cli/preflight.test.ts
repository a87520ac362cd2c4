// Authoring mistakes stop `run` (exit 2) before any step, and `list`/`lint` agree with it.
import t, {type Test} from 'tap'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'

const fence = '```'
const first = [`${fence}bash {#first}`, 'touch ran', fence, ''].join('\n')

// Run `runbook <command> doc.md` in a fresh folder holding `doc.md`.
async function cli(t: Test, command: string, doc: string, files: Record<string, string> = {}) {
  const dir = t.testdir({'doc.md': doc, ...files})
  const run = await runCli([command, 'doc.md'], {cwd: dir})
  return {...run, ran: existsSync(path.join(dir, 'ran'))}
}

t.test('an annotation comment followed by a blank line is an error in run, list and lint', async (t) => {
  const doc = `${first}\n<!-- runbook: #second -->\n\n${fence}bash\necho two\n${fence}\n`
  for (const command of ['run', 'list', 'lint']) {
    const run = await cli(t, command, doc)
    t.not(run.code, 0, `${command} refuses it`)
    t.match(run.stdout + run.stderr, /doc\.md:5:1.*Annotation comment is not followed by a fenced block|5:1\s+error\s+Annotation comment is not followed by a fenced block/, command)
    t.notOk(run.ran, `${command}: nothing ran`)
  }
  t.equal((await cli(t, 'run', doc)).code, 2)
  t.equal((await cli(t, 'list', doc)).code, 2)
})

t.test('check= naming no step is an error in run and lint, with a suggestion', async (t) => {
  const doc = `${first}\n- [ ] first done <!-- runbook: check=frist -->\n`
  const run = await cli(t, 'run', doc)
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, 'doc.md:5:1: error: `check=frist` names no step of this runbook (did you mean `first`?)')
  t.notOk(run.ran)
  const lint = await cli(t, 'lint', doc)
  t.equal(lint.code, 1)
  t.match(lint.stdout, /5:1\s+error\s+`check=frist` names no step/)
})

t.test('threshold=9/4 is an error before the run', async (t) => {
  const doc = `${first}\n<!-- runbook: http threshold=9/4 -->\n| Method | Endpoint | Expected Status |\n|---|---|---|\n| GET | http://127.0.0.1:9/ | 200 |\n`
  const run = await cli(t, 'run', doc)
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, /doc\.md:5:20: error: Invalid `threshold=9\/4`: more passes than rows/)
  t.notOk(run.ran)
  const lint = await cli(t, 'lint', doc)
  t.match(lint.stdout, /Invalid `threshold=9\/4`/)
})

t.test('an invalid (re) line and a missing schema= file stop the run before any step', async (t) => {
  const doc = [first, `${fence}text {expect}`, 'h(i (re)', fence, '', `${fence}bash {#json}`, 'echo {}', fence, '', `${fence}json {expect schema=schemas/nope.json}`, fence, ''].join('\n')
  const run = await cli(t, 'run', doc)
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, 'doc.md:6:1: error: Invalid regular expression /h(i/: Unterminated group [unsafe-regex]')
  t.match(run.stderr, /doc\.md:13:\d+: error: Schema file `schemas\/nope\.json` does not exist/)
  t.notOk(run.ran, 'the step before them did not run')
  t.equal((run.stderr.match(/nvalid regular expression/g) ?? []).length, 1, 'said once')
  const lint = await cli(t, 'lint', doc)
  t.equal((lint.stdout.match(/nvalid regular expression/gi) ?? []).length, 1, 'lint says it once too')
})

t.test('a schema file that exists and is JSON passes the check', async (t) => {
  const doc = [`${fence}bash {#json}`, 'echo {}', fence, '', `${fence}json {expect schema=s.json}`, fence, ''].join('\n')
  const run = await cli(t, 'run', doc, {'s.json': '{"type": "object"}'})
  t.equal(run.code, 0, run.stderr + run.stdout)
})

t.test('an unknown assert query gets a "did you mean", and a bad matches regex is named once', async (t) => {
  const doc = [
    '<!-- runbook: http -->',
    '| Method | Endpoint | Expected Status | Assertions |',
    '|---|---|---|---|',
    '| GET | http://127.0.0.1:9/ | 200 | `jsonpth "$.a" == 1` |',
    '| GET | http://127.0.0.1:9/ | 200 | `body matches /(/` |',
    '',
  ].join('\n')
  const run = await cli(t, 'run', doc)
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, 'unknown query `jsonpth` (did you mean `jsonpath`?)')
  t.match(run.stderr, 'invalid regular expression /(/: Unterminated group')
  t.notMatch(run.stderr, /regular expression.*regular expression/i)
})
