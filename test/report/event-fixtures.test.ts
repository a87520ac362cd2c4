// The recorded event streams the reporter tests read (test/fixtures/events/) are the real protocol:
// each event passes a check typed against RunEvent, that check compiles against lib/events.ts,
// and a fresh run of a fixture's runbook gives the committed stream back.
import t from 'tap'
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {isDeepStrictEqual} from 'node:util'
import {eventKinds, runEventProblems} from '../helpers/run-event-shape.js'
import {repoDir, repoPath} from '../helpers/paths.js'

// Loaded from the checkout, so the compiled copy of this test (dist/test/) finds it too.
const recordModule = pathToFileURL(repoPath('test/fixtures/events/record.mjs')).href
const {fixtures, fixturePath, record} = (await import(recordModule)) as typeof import('../fixtures/events/record.mjs')

const root = repoDir
const folder = path.join(root, 'test/fixtures/events')
const names = readdirSync(folder).filter((file) => file.endsWith('.json') && !file.startsWith('tsconfig')).map((file) => file.slice(0, -'.json'.length))
const load = (name: string) => JSON.parse(readFileSync(path.join(folder, `${name}.json`), 'utf8')) as unknown[]
const rerecord = (name: string) => `re-record with: npm run build && node test/fixtures/events/record.mjs ${name}`.trimEnd()

t.test('every recording has its runbook in record.mjs, and every runbook its recording', async (t) => {
  t.same(names.sort(), Object.keys(fixtures).sort())
})

t.test('every recorded event is a RunEvent as lib/events.ts declares it', async (t) => {
  for (const name of names) {
    const problems = load(name).flatMap((event, index) => runEventProblems(event, `${name}.json[${index}]`))
    t.same(problems, [], `${name}.json: ${problems.length ? `does not match the type; ${rerecord(name)}` : 'every event matches the type'}`)
  }
})

t.test('the recordings hold every kind of event at least once', async (t) => {
  const seen = new Set(names.flatMap((name) => load(name).map((event) => (event as {type: string}).type)))
  const missing = eventKinds.filter((kind) => !seen.has(kind))
  t.same(missing, [], missing.length ? `no recording shows ${missing.join(', ')}: add a step that emits it to a runbook under test/fixtures/events/runbooks/, then ${rerecord('')}` : 'every kind is recorded')
})

t.test('the check finds what is wrong with an event', async (t) => {
  const [start] = load('deploy') as Array<Record<string, unknown>>
  t.same(runEventProblems(start), [])
  t.same(runEventProblems({...start, type: 'step:skip'}), [`event.type: expected one of ${eventKinds.join(', ')}, got "step:skip"`])
  t.same(runEventProblems({...start, dryRun: undefined}), ['event.dryRun: missing'])
  t.same(runEventProblems({...start, extra: 1}), ['event.extra: a field the type does not have'])
  const end = (load('deploy') as Array<{type: string; result: {steps: Array<Record<string, unknown>>}}>).at(-1)!
  end.result.steps[0] = {...end.result.steps[0], status: 'done', exitCode: '0'}
  t.same(runEventProblems(end), [
    'event.result.steps[0].status: expected one of passed, failed, skipped, manual, timed-out, not-run, interrupted, got "done"',
    'event.result.steps[0].exitCode: expected a number, got "0"',
  ])
})

// test/ is not type-checked by the build (tap strips the types), so this runs tsc on the check and
// on the tests and helpers that build or edit events and results (tsconfig.check.json lists them).
t.test('the check, and the tests that build events and results, compile against the types', async (t) => {
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(folder, 'tsconfig.check.json')], {encoding: 'utf8'})
  const message = tsc.status === 0 ? 'tsc passes' : `the types in lib/events.ts or lib/result.ts changed: mirror the change in test/helpers/run-event-shape.ts (and the tests tsc names), then ${rerecord('')}\n${tsc.stdout}${tsc.stderr}`
  t.equal(tsc.status, 0, message)
})

t.test('a fresh run of the deploy runbook records the committed stream', async (t) => {
  const events = await record('deploy')
  const committed = JSON.parse(readFileSync(fixturePath('deploy'), 'utf8')) as unknown[]
  const message = isDeepStrictEqual(events, committed)
    ? 'the same events as test/fixtures/events/deploy.json'
    : `the events of a real run are not those of test/fixtures/events/deploy.json: if the protocol changed on purpose, ${rerecord('')} (all of them), mirror it in test/helpers/run-event-shape.ts, and run test/report/`
  t.same(events, committed, message)
})
