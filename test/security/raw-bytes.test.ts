// Finding 7 of issue 12: raw bytes. A UTF-8 byte-order mark hides nothing: run, list and lint see
// the same steps and findings as without it, and --write keeps the mark and every byte outside the
// owned regions.
import t from 'tap'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'

const fence = '```'
const bom = '\uFEFF'
const doc = ['# Greet', '', `${fence}bash {#greet}`, 'echo hello-from-bom', fence, '', 'Done.', ''].join('\n')

t.test('run, list and lint of a file with a byte-order mark behave as without it', async (t) => {
  const broken = doc.replace('{#greet}', '{#greet needs=nowhere}')
  const dir = t.testdir({'bom.md': bom + doc, 'plain.md': doc, 'bad-bom.md': bom + broken, 'bad-plain.md': broken})
  const run = await runCli(['run', 'bom.md', '--reporter', 'plain'], {cwd: dir})
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, /greet[\s\S]*1 passed/, 'the step ran')
  const list = await runCli(['list', 'bom.md'], {cwd: dir})
  t.equal(list.code, 0, list.stderr)
  t.match(list.stdout, 'greet', 'the step is listed')
  const plainLint = await runCli(['lint', 'bad-plain.md'], {cwd: dir})
  const bomLint = await runCli(['lint', 'bad-bom.md'], {cwd: dir})
  t.not(plainLint.code, 0, 'the unknown needs= is an error')
  t.equal(bomLint.code, plainLint.code, 'same exit code with the mark')
  t.match(bomLint.stdout + bomLint.stderr, /3:17\s+error/, 'the finding is located as without the mark')
  t.equal((bomLint.stdout + bomLint.stderr).replaceAll('bad-bom.md', 'F'), (plainLint.stdout + plainLint.stderr).replaceAll('bad-plain.md', 'F'), 'same findings')
  const badRun = await runCli(['run', 'bad-bom.md'], {cwd: dir})
  t.equal(badRun.code, 2, 'an invalid runbook with a mark is still refused')
})

t.test('--write keeps the byte-order mark and writes what it writes without it', async (t) => {
  const dir = t.testdir({'bom.md': bom + doc, 'plain.md': doc})
  for (const name of ['bom.md', 'plain.md']) {
    const result = await runCli(['run', name, '--write', '--stable'], {cwd: dir})
    t.equal(result.code, 0, result.stderr)
  }
  const bytes = readFileSync(path.join(dir, 'bom.md'))
  t.same([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the mark is still first')
  t.match(bytes.toString('utf8'), 'hello-from-bom', 'the output was written')
  const plain = readFileSync(path.join(dir, 'plain.md'))
  t.equal(bytes.subarray(3).toString('utf8'), plain.toString('utf8'), 'after the mark, byte for byte what the file without it became')
})

t.test('--write refuses a file with bytes that are not UTF-8, naming the first one, and leaves it alone', async (t) => {
  const bytes = Buffer.concat([Buffer.from('# Latin\n\ncaf'), Buffer.from([0xe9]), Buffer.from(' ok\n\n```bash {#greet}\necho hi\n```\n')])
  const dir = t.testdir({'latin.md': bytes})
  const result = await runCli(['run', 'latin.md', '--write'], {cwd: dir})
  t.equal(result.code, 2, 'a user error, before any step runs')
  t.match(result.stderr, 'byte 0xE9 at latin.md:3:4 is not UTF-8')
  t.same(readFileSync(path.join(dir, 'latin.md')), bytes, 'byte for byte unchanged')
  const plain = await runCli(['run', 'latin.md'], {cwd: dir})
  t.equal(plain.code, 0, 'a run without --write still works')
})
