import {existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import t from 'tap'
import {createEvidence, readLastRun} from '../../lib/evidence/index.js'
import {parseRunbook} from '../../lib/parse/index.js'
import {createRedactor} from '../../lib/redact/index.js'
import type {RunEvent} from '../../lib/events.js'
import {makeResult} from '../helpers/make-result.js'
import {repoPath} from '../helpers/paths.js'

const schema = JSON.parse(readFileSync(repoPath('schemas/manifest.schema.json'), 'utf8'))
const validate = new Ajv({strict: false, validateFormats: false}).compile(schema)
const runbook = parseRunbook('# Doc\n\n```bash {#build}\nmake\n```\n\n```bash {#probe}\ncurl localhost\n```\n', {file: 'doc.md', dir: '/tmp'})
const at = Date.parse('2026-11-23T12:00:00Z')
const secret = 'evidence-secret-42'

const events = (): RunEvent[] => [
  {type: 'run:start', at, runbook: 'doc.md', runId: 'run-1', dryRun: false, steps: runbook.steps.map((s) => ({id: s.id, runner: s.runner, line: s.span.start.line, needs: [], kind: 'step'}))},
  {type: 'step:start', at, stepId: 'build', attempt: 1, command: 'make'},
  {type: 'step:output', at, stepId: 'build', stream: 'stdout', chunk: '\x1b[32mok\x1b[0m evidence-sec'},
  {type: 'step:output', at, stepId: 'build', stream: 'stdout', chunk: 'ret-42 done\n'},
  {type: 'step:output', at, stepId: 'build', stream: 'stderr', chunk: 'warning\n'},
]

t.test('evidence holds a valid manifest, complete logs with ANSI kept, cmd.txt, results.json and report.md, all redacted', async (t) => {
  const dir = t.testdir({})
  const evidence = await createEvidence(dir, runbook, {redactor: createRedactor([secret])})
  for (const event of events()) evidence.onEvent(event)
  const result = makeResult(runbook, {
    build: {stdout: 'ignored: the logs come from the events'},
    probe: {checks: [{stepId: 'probe', method: 'GET', url: 'http://127.0.0.1:9/', ok: false, status: 503, latencyMs: 12.4, failures: ['status 503 is not 200']}]},
  })
  evidence.onEvent({type: 'step:end', at, stepId: 'build', result: result.steps[0]!})
  await evidence.finish(result, `# Doc\n\nreport with ${secret}\n`)
  t.same(readdirSync(dir).sort(), ['manifest.json', 'report.md', 'results.json', 'steps'])
  t.equal(readFileSync(path.join(dir, 'steps/build/stdout.log'), 'utf8'), '\x1b[32mok\x1b[0m *** done\n', 'complete, ANSI kept, secret split across chunks masked')
  t.equal(readFileSync(path.join(dir, 'steps/build/stderr.log'), 'utf8'), 'warning\n')
  t.equal(readFileSync(path.join(dir, 'steps/build/cmd.txt'), 'utf8'), 'make\n')
  t.equal(readFileSync(path.join(dir, 'report.md'), 'utf8'), '# Doc\n\nreport with ***\n')
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
  t.ok(validate(manifest), JSON.stringify(validate.errors))
  t.match(manifest, {runbook: 'doc.md', version: '0.1.0', ok: true, partial: false, startedAt: '2026-11-23T12:00:00.000Z', finishedAt: '2026-11-23T12:00:05.000Z'})
  t.same(manifest.steps.map((s: {id: string; status: string; exitCode: number; attempts: number; durationMs: number}) => [s.id, s.status, s.exitCode, s.attempts, s.durationMs]), [['build', 'passed', 0, 1, 1234], ['probe', 'passed', 0, 1, 1234]])
  const results = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'))
  t.same(results, [{stepId: 'probe', method: 'GET', url: 'http://127.0.0.1:9/', pass: false, status: 503, latencyMs: 12, failures: ['status 503 is not 200']}])
  t.same(await readLastRun(dir), {steps: [{id: 'build', status: 'passed'}, {id: 'probe', status: 'passed'}]}, '--resume reads it back')
})

t.test('an interrupted run leaves a valid partial manifest after every finished step', async (t) => {
  const dir = t.testdir({})
  const evidence = await createEvidence(dir, runbook, {redactor: createRedactor([])})
  for (const event of events()) evidence.onEvent(event)
  const partial = () => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
  t.ok(validate(partial()), 'valid once the run started')
  t.same(partial().steps.map((s: {status: string}) => s.status), ['not-run', 'not-run'])
  evidence.onEvent({type: 'step:end', at, stepId: 'build', result: makeResult(runbook).steps[0]!})
  const manifest = partial()
  t.ok(validate(manifest), JSON.stringify(validate.errors))
  t.equal(manifest.partial, true)
  t.notOk('finishedAt' in manifest)
  t.same(manifest.steps.map((s: {status: string}) => s.status), ['passed', 'not-run'])
  t.equal(readFileSync(path.join(dir, 'steps/build/stdout.log'), 'utf8'), '\x1b[32mok\x1b[0m evidence-secret-42 done\n', 'logs are flushed at step end')
})

t.test('step ids cannot escape the evidence folder and symlinks are not followed', async (t) => {
  const dir = t.testdir({outside: {'victim.txt': 'untouched\n'}, ev: {steps: {}}})
  const ev = path.join(dir, 'ev')
  mkdirSync(path.join(ev, 'steps', 'build'), {recursive: true})
  symlinkSync(path.join(dir, 'outside', 'victim.txt'), path.join(ev, 'steps', 'build', 'stdout.log'))
  symlinkSync(path.join(dir, 'outside'), path.join(ev, 'steps', 'probe'))
  const evidence = await createEvidence(ev, runbook, {redactor: createRedactor([])})
  evidence.onEvent({type: 'step:start', at, stepId: 'build', attempt: 1, command: 'make'})
  evidence.onEvent({type: 'step:output', at, stepId: 'build', stream: 'stdout', chunk: 'overwrite?\n'})
  evidence.onEvent({type: 'step:start', at, stepId: 'probe', attempt: 1, command: 'curl'})
  evidence.onEvent({type: 'step:output', at, stepId: 'probe', stream: 'stdout', chunk: 'into outside?\n'})
  for (const id of ['../../outside', '..', '/etc/passwd', 'a/../../b']) {
    evidence.onEvent({type: 'step:start', at, stepId: id, attempt: 1, command: 'x'})
    evidence.onEvent({type: 'step:output', at, stepId: id, stream: 'stdout', chunk: 'escape?\n'})
  }
  await evidence.finish(makeResult(runbook), '# Doc\n')
  t.equal(readFileSync(path.join(dir, 'outside', 'victim.txt'), 'utf8'), 'untouched\n', 'the symlink target is untouched')
  t.same(readdirSync(path.join(dir, 'outside')), ['victim.txt'], 'nothing written through the symlinked folder')
  t.equal(readFileSync(path.join(ev, 'steps', 'build', 'stdout.log'), 'utf8'), 'overwrite?\n')
  t.same(readdirSync(dir).sort(), ['ev', 'outside'])
  t.notOk(existsSync('/etc/passwd/stdout.log'))
  for (const name of readdirSync(path.join(ev, 'steps'))) t.match(name, /^[A-Za-z0-9_][A-Za-z0-9._-]*$/, `${name} stays inside steps/`)
})

t.test('a retried step keeps each attempt: the plain names hold the last one', async (t) => {
  const dir = t.testdir({})
  const evidence = await createEvidence(dir, runbook, {redactor: createRedactor([])})
  evidence.onEvent({type: 'step:start', at, stepId: 'build', attempt: 1, command: 'make'})
  evidence.onEvent({type: 'step:output', at, stepId: 'build', stream: 'stdout', chunk: 'first\n'})
  evidence.onEvent({type: 'step:start', at, stepId: 'build', attempt: 2, command: 'make'})
  evidence.onEvent({type: 'step:output', at, stepId: 'build', stream: 'stdout', chunk: 'second\n'})
  await evidence.finish(makeResult(runbook), '')
  t.equal(readFileSync(path.join(dir, 'steps/build/stdout.1.log'), 'utf8'), 'first\n')
  t.equal(readFileSync(path.join(dir, 'steps/build/stdout.log'), 'utf8'), 'second\n')
})

t.test('readLastRun is undefined without a readable manifest', async (t) => {
  const dir = t.testdir({'manifest.json': '{not json'})
  t.equal(await readLastRun(dir), undefined)
  t.equal(await readLastRun(path.join(dir, 'missing')), undefined)
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({steps: [{id: 'a', status: 'passed'}, {id: 'b', status: 'bogus'}]}))
  t.same(await readLastRun(dir), {steps: [{id: 'a', status: 'passed'}]})
})
