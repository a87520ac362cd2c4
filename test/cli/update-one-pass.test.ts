// `--update` blesses every stale `{expect}` block in one pass, though each step needs the one before.
import t from 'tap'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'

const fence = '```'

// Three steps in a chain (each implicitly needs the one before), every expectation out of date.
const doc = ['one', 'two', 'three']
  .flatMap((id) => [`${fence}bash {#${id}}`, `echo ${id}-new`, fence, '', `${fence}text {expect}`, `${id}-old`, fence, ''])
  .join('\n')

t.test('one --update run blesses all three stale blocks and the next run passes', async (t) => {
  const dir = t.testdir({'doc.md': doc})
  const file = path.join(dir, 'doc.md')
  const update = await runCli(['run', 'doc.md', '--update', '--reporter', 'plain'], {cwd: dir})
  t.equal(update.code, 1, 'the updating run still reports the failures it fixed')
  t.notMatch(update.stdout, /not run|not-run/, 'no step was held back by its stale predecessor')
  const text = readFileSync(file, 'utf8')
  for (const id of ['one', 'two', 'three']) {
    t.match(text, `${id}-new`, `${id} was blessed`)
    t.notMatch(text, `${id}-old`)
  }
  const again = await runCli(['run', 'doc.md'], {cwd: dir})
  t.equal(again.code, 0, `passes after one update: ${again.stdout}`)
})

t.test('under --update a step that fails its exit code still holds back its dependants', async (t) => {
  const broken = doc.replace('echo one-new', 'echo one-new; exit 4')
  const dir = t.testdir({'doc.md': broken})
  const update = await runCli(['run', 'doc.md', '--update', '--reporter', 'json'], {cwd: dir})
  t.equal(update.code, 1)
  const ends = update.stdout.split('\n').filter((l) => l.includes('"step:end"')).map((l) => JSON.parse(l))
  t.same(ends.map((e: any) => [e.stepId, e.result.status]), [['one', 'failed'], ['two', 'not-run'], ['three', 'not-run']])
})
