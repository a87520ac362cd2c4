// Finding 3 of issue 12: --out writes THROUGH devices, FIFOs and symlinks to them; temp file plus
// rename is only for regular files.
import t from 'tap'
import {execFileSync} from 'node:child_process'
import {lstatSync, readlinkSync, statSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const fence = '```'
const doc = ['# Out', '', `${fence}bash {#one}`, 'echo written-through', fence, ''].join('\n')

t.test('--out /dev/stdout and a symlink to /proc/self/fd/1 write to the stream, and stay what they were', async (t) => {
  const dir = runbookDir(doc)
  t.teardown(dir.cleanup)
  const direct = await runCli(['run', dir.file, '--out', '/dev/stdout', '--reporter', 'json'], {cwd: dir.dir})
  t.equal(direct.code, 0, direct.stderr)
  t.match(direct.stdout, /<!-- runbook:output id=one status=passed[^>]*-->\n```text\nwritten-through\n```/)
  t.ok(statSync('/dev/stdout').isCharacterDevice() || statSync('/dev/stdout').isFIFO() || lstatSync('/dev/stdout').isSymbolicLink(), '/dev/stdout is not a regular file')
  const link = path.join(dir.dir, 'link')
  symlinkSync('/proc/self/fd/1', link)
  const linked = await runCli(['run', dir.file, '--out', 'link', '--reporter', 'json'], {cwd: dir.dir})
  t.equal(linked.code, 0, linked.stderr)
  t.match(linked.stdout, 'written-through')
  t.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link')
  t.equal(readlinkSync(link), '/proc/self/fd/1')
})

t.test('--out to a character device node writes through it and leaves the node a device', async (t) => {
  const dir = runbookDir(doc)
  t.teardown(dir.cleanup)
  const node = path.join(dir.dir, 'null-copy')
  try {
    execFileSync('mknod', [node, 'c', '1', '3'], {stdio: 'ignore'})
  } catch {
    t.comment('mknod needs root here; the /dev/stdout case above covers devices')
    return
  }
  const run = await runCli(['run', dir.file, '--out', 'null-copy', '--reporter', 'plain'], {cwd: dir.dir})
  t.equal(run.code, 0, run.stderr)
  t.ok(statSync(node).isCharacterDevice(), 'still a character device')
})
