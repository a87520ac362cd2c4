import t from 'tap'
import path from 'node:path'
import {readRunbook} from '../../lib/parse/index.js'

t.test('readRunbook reads the file, shows the given name and runs steps from the file\'s folder', async (t) => {
  const dir = t.testdir({'ops.md': '# Ops\n\n```bash\nls\n```\n'})
  const file = path.join(dir, 'ops.md')
  const rb = await readRunbook(file, {file: 'docs/ops.md'})
  t.equal(rb.file, 'docs/ops.md')
  t.equal(rb.dir, dir)
  t.equal(rb.steps.length, 0)
  const all = await readRunbook(file, {all: true})
  t.equal(all.file, file)
  t.same(all.steps.map((s) => s.id), ['ops'])
  const given = await readRunbook(path.join(dir, 'not-read.md'), {source: '```sh {#x}\ntrue\n```\n', file: 'x.md'})
  t.same(given.steps.map((s) => s.id), ['x'])
  t.equal(given.dir, dir)
})

t.test('a missing file rejects with the system error', async (t) => {
  await t.rejects(readRunbook(path.join(t.testdir({}), 'nope.md')), {code: 'ENOENT'})
})
