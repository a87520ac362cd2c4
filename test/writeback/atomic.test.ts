import {spawnSync} from 'node:child_process'
import {chmodSync, readdirSync, readFileSync, statSync, writeFileSync, symlinkSync, lstatSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import t from 'tap'
import {writeFileAtomic} from '../../lib/writeback/index.js'
import {repoDir} from '../helpers/paths.js'

const preload = fileURLToPath(new URL('../helpers/crash-at.mjs', import.meta.url))
const writebackModule = fileURLToPath(new URL('../../lib/writeback/index.js', import.meta.url))
// Run from test/ (ts-node), the child needs the TypeScript loader to import lib/; compiled, it does not.
const tsLoader = import.meta.url.endsWith('.ts') ? ['--import', '@tapjs/typescript/import'] : []

t.test('writes replace the file and keep its mode', async (t) => {
  const dir = t.testdir({'doc.md': 'old\n'})
  const file = path.join(dir, 'doc.md')
  chmodSync(file, 0o640)
  const written = await writeFileAtomic(file, 'new\n', {original: 'old\n'})
  t.same(written, {path: file, conflict: false})
  t.equal(readFileSync(file, 'utf8'), 'new\n')
  t.equal(statSync(file).mode & 0o777, 0o640)
  t.same(readdirSync(dir), ['doc.md'], 'no temp file left')
})

t.test('a file edited during the run is kept; the result goes beside it', async (t) => {
  const dir = t.testdir({'doc.md': 'edited by a human\n'})
  const file = path.join(dir, 'doc.md')
  const written = await writeFileAtomic(file, 'result\n', {original: 'as read at start\n'})
  t.equal(written.conflict, true)
  t.equal(written.path, path.join(dir, 'doc.runbook.md'))
  t.equal(readFileSync(file, 'utf8'), 'edited by a human\n', 'the edit survives')
  t.equal(readFileSync(written.path, 'utf8'), 'result\n')
})

t.test('a symlinked runbook is written through to its target, the link stays', async (t) => {
  const dir = t.testdir({'real.md': 'old\n'})
  const link = path.join(dir, 'link.md')
  symlinkSync(path.join(dir, 'real.md'), link)
  await writeFileAtomic(link, 'new\n', {original: 'old\n'})
  t.ok(lstatSync(link).isSymbolicLink())
  t.equal(readFileSync(path.join(dir, 'real.md'), 'utf8'), 'new\n')
})

t.test('SIGKILL at each write point leaves the file old or new, byte for byte; the next write sweeps the temp file', async (t) => {
  const dir = t.testdir({})
  const file = path.join(dir, 'doc.md')
  const oldText = `old ${'α'.repeat(200_000)}\r\n`
  const newText = `new ${'β'.repeat(300_000)}\n`
  const script = path.join(dir, 'write.mjs')
  writeFileSync(path.join(dir, 'new.txt'), newText)
  writeFileSync(path.join(dir, 'old.txt'), oldText)
  writeFileSync(
    script,
    `import {readFileSync} from 'node:fs'\nimport {writeFileAtomic} from ${JSON.stringify(writebackModule)}\n` +
      `const text = (name) => readFileSync(${JSON.stringify(dir)} + '/' + name, 'utf8')\n` +
      `await writeFileAtomic(${JSON.stringify(file)}, text('new.txt'), {original: text('old.txt')})\n`,
  )
  const points: string[] = []
  for (let at = 1; at < 30; at++) {
    writeFileSync(file, oldText)
    chmodSync(file, 0o600)
    const child = spawnSync(process.execPath, [...tsLoader, '--import', preload, script], {
      cwd: repoDir,
      env: {...process.env, CRASH_AT: String(at), CRASH_MATCH: dir},
      timeout: 30_000,
      encoding: 'utf8',
    })
    const now = readFileSync(file, 'utf8')
    t.ok(now === oldText || now === newText, `killed after write step ${at}: the file is whole`)
    t.equal(statSync(file).mode & 0o777, 0o600, `killed after write step ${at}: mode kept`)
    if (child.signal !== 'SIGKILL') {
      t.equal(child.status, 0, `${child.stderr} ${String(child.error)}`)
      t.equal(now, newText, 'a run that was not killed wrote the new text')
      t.same(readdirSync(dir).sort(), ['doc.md', 'new.txt', 'old.txt', 'write.mjs'], 'and left no temp file')
      break
    }
    points.push(now === oldText ? 'old' : 'new')
    await writeFileAtomic(file, oldText, {original: now})
    t.same(readdirSync(dir).sort(), ['doc.md', 'new.txt', 'old.txt', 'write.mjs'], `killed after write step ${at}: the next write leaves no temp file behind`)
  }
  t.ok(points.length >= 5, `killed at ${points.length} write points (${points.join(', ')})`)
  t.ok(points.includes('old') && points.includes('new'), 'some kills came before the rename, some after')
})
