import {spawnSync} from 'node:child_process'
import {chmodSync, closeSync, constants, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import t from 'tap'
import {writeFileAtomic} from '../../lib/writeback/index.js'

// writeFileAtomic in process, without killing children (test/writeback/atomic.test.ts does that):
// what it leaves in the folder, where a conflicting result goes, and the leftovers it clears.

function folder(t: {teardown: (fn: () => void) => void}, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-atomic-'))
  t.teardown(() => rmSync(dir, {recursive: true, force: true}))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

// The pid of a process that has exited.
function deadPid(): number {
  return spawnSync('true').pid!
}

t.test('a write replaces the file, keeps its mode and leaves nothing else behind', async (t) => {
  const dir = folder(t, {'doc.md': 'old\n'})
  const file = path.join(dir, 'doc.md')
  chmodSync(file, 0o640)
  t.same(await writeFileAtomic(file, 'new\n', {original: 'old\n'}), {path: file, conflict: false})
  t.equal(readFileSync(file, 'utf8'), 'new\n')
  t.equal(statSync(file).mode & 0o7777, 0o640)
  t.same(readdirSync(dir), ['doc.md'])
  t.same(await writeFileAtomic(file, 'newer\n'), {path: file, conflict: false}, 'no original: no check')
  t.equal(readFileSync(file, 'utf8'), 'newer\n')
})

t.test('a file that does not exist yet is created', async (t) => {
  const dir = folder(t)
  const file = path.join(dir, 'new.md')
  t.same(await writeFileAtomic(file, 'text\n'), {path: file, conflict: false})
  t.equal(readFileSync(file, 'utf8'), 'text\n')
  t.same(readdirSync(dir), ['new.md'])
})

t.test('a file changed since the run began is kept; the result goes beside it', async (t) => {
  const dir = folder(t, {'doc.md': 'edited\n', 'notes.MD': 'edited\n', 'plain.txt': 'edited\n'})
  for (const [name, aside] of [['doc.md', 'doc.runbook.md'], ['notes.MD', 'notes.runbook.md'], ['plain.txt', 'plain.txt.runbook.md']]) {
    const written = await writeFileAtomic(path.join(dir, name!), 'result\n', {original: 'as read\n'})
    t.same(written, {path: path.join(dir, aside!), conflict: true}, name)
    t.equal(readFileSync(path.join(dir, name!), 'utf8'), 'edited\n', `${name}: the edit survives`)
    t.equal(readFileSync(written.path, 'utf8'), 'result\n')
  }
  const gone = path.join(dir, 'gone.md')
  t.same(await writeFileAtomic(gone, 'result\n', {original: 'as read\n'}), {path: path.join(dir, 'gone.runbook.md'), conflict: true}, 'a file deleted meanwhile counts as changed')
  t.same(readdirSync(dir).sort(), ['doc.md', 'doc.runbook.md', 'gone.runbook.md', 'notes.MD', 'notes.runbook.md', 'plain.txt', 'plain.txt.runbook.md'])
  t.equal(statSync(path.join(dir, 'doc.runbook.md')).mode & 0o777, statSync(path.join(dir, 'doc.md')).mode & 0o777, 'the side file takes the mode of the file')
})

t.test('a symlinked file is written through to its target; the link stays', async (t) => {
  const dir = folder(t, {'real.md': 'old\n'})
  const link = path.join(dir, 'link.md')
  symlinkSync(path.join(dir, 'real.md'), link)
  t.same(await writeFileAtomic(link, 'new\n', {original: 'old\n'}), {path: path.join(dir, 'real.md'), conflict: false})
  t.ok(lstatSync(link).isSymbolicLink())
  t.equal(readFileSync(path.join(dir, 'real.md'), 'utf8'), 'new\n')
})

// A FIFO in a temporary folder, never a real device such as /dev/null: under mutation testing a
// broken check would replace the file it writes to.
t.test('a FIFO is written into, never replaced', async (t) => {
  const dir = folder(t)
  const fifo = path.join(dir, 'pipe')
  t.equal(spawnSync('mkfifo', [fifo]).status, 0)
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK)
  t.teardown(() => closeSync(reader))
  t.same(await writeFileAtomic(fifo, 'through\n'), {path: fifo, conflict: false})
  const buffer = Buffer.alloc(64)
  t.equal(buffer.toString('utf8', 0, readSync(reader, buffer)), 'through\n')
  t.ok(lstatSync(fifo).isFIFO())
  t.same(readdirSync(dir), ['pipe'])
})

t.test('temp files and a lock left by a process that is gone are cleared; a live one is kept', async (t) => {
  const dead = deadPid()
  const dir = folder(t, {
    'doc.md': 'old\n',
    [`.doc.md.runbook-tmp-${dead}-abcd1234`]: 'half written',
    [`.doc.md.runbook-tmp-1-abcd1234`]: 'pid 1 is alive',
    [`.other.md.runbook-tmp-${dead}-abcd1234`]: 'another file',
    '.doc.md.runbook-lock': String(dead),
  })
  const file = path.join(dir, 'doc.md')
  t.same(await writeFileAtomic(file, 'new\n', {original: 'old\n'}), {path: file, conflict: false})
  t.equal(readFileSync(file, 'utf8'), 'new\n')
  t.same(
    readdirSync(dir).sort(),
    ['.doc.md.runbook-tmp-1-abcd1234', `.other.md.runbook-tmp-${dead}-abcd1234`, 'doc.md'],
    'the stale temp file and the stale lock are gone, the live temp file and other files stay',
  )
})
