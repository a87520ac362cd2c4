// stdout and stderr sent to a file or /dev/null (lib/cli/fd-output.ts): written straight to the
// descriptor, without Node's stream, and the same bytes as through a pipe; anything else still
// goes through Node's stream, in order.
import t from 'tap'
import {closeSync, openSync, readFileSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import {fdOutput, type Output} from '../../lib/cli/fd-output.js'
import {binPath, runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const fence = '```'

// Run the CLI with stdout and stderr sent to two files; what each file holds.
function toFiles(args: string[], dir: string): {code: number | null; stdout: string; stderr: string} {
  const out = path.join(dir, 'out.txt')
  const err = path.join(dir, 'err.txt')
  const fds = [openSync(out, 'w'), openSync(err, 'w')]
  try {
    const ran = spawnSync(process.execPath, [binPath, ...args], {cwd: dir, stdio: ['ignore', fds[0]!, fds[1]!], env: {...process.env, NO_COLOR: '1'}})
    return {code: ran.status, stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8')}
  } finally {
    fds.forEach((fd) => closeSync(fd))
  }
}

t.test('list, run, lint and plan write the same to files as to pipes', async (t) => {
  const steps = Array.from({length: 400}, (_, i) => `${fence}bash {#s${i}}\necho ${i}\n${fence}\n`).join('\n')
  const book = runbookDir(`# Files\n\n${steps}\n${fence}bash {#fails needs=s399}\necho oops >&2; exit 3\n${fence}\n`)
  t.teardown(book.cleanup)
  writeFileSync(path.join(book.dir, 'bad.md'), `# Bad\n\n${fence}bash {#x timout=5}\necho\n${fence}\n`)
  const cases = [
    ['list', book.file],
    ['plan', book.file, '--format', 'json'],
    ['run', book.file, '--reporter', 'plain'],
    ['lint', path.join(book.dir, 'bad.md')],
    ['list', path.join(book.dir, 'bad.md')],
  ]
  for (const args of cases) {
    const piped = await runCli(args, {cwd: book.dir, env: {NO_COLOR: '1'}})
    const filed = toFiles(args, book.dir)
    const mask = (text: string) => text.replace(/\(\d+(\.\d+)?m?s\)/g, '(T)')
    t.equal(filed.code, piped.code, `${args[0]}: same exit code`)
    t.equal(mask(filed.stdout), mask(piped.stdout), `${args[0]}: same stdout`)
    t.equal(mask(filed.stderr), mask(piped.stderr), `${args[0]}: same stderr`)
  }
})

t.test('list to /dev/null loads no stream module; to a pipe it gets Node\'s stream', async (t) => {
  const book = runbookDir(`# L\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(book.cleanup)
  const dir = t.testdir({
    'record.cjs': "process.on('exit', () => require('node:fs').writeFileSync(process.env.BUILTINS_FILE, process.moduleLoadList.join('\\n')))",
  })
  const builtins = path.join(dir, 'builtins.txt')
  const env = {...process.env, NODE_OPTIONS: `--require=${path.join(dir, 'record.cjs')}`, BUILTINS_FILE: builtins}
  const quiet = spawnSync(process.execPath, [binPath, 'list', book.file], {stdio: ['ignore', 'ignore', 'ignore'], env})
  t.equal(quiet.status, 0)
  t.notOk(readFileSync(builtins, 'utf8').split('\n').includes('NativeModule stream'), 'no node:stream')
  const piped = spawnSync(process.execPath, [binPath, 'list', book.file], {encoding: 'utf8', env})
  t.match(piped.stdout, /^a +shell/m)
  t.ok(readFileSync(builtins, 'utf8').split('\n').includes('NativeModule stream'), 'a pipe gets the stream')
})

// A stand-in for Node's stream that records what reaches it.
function recorder(): {stream: Output; written: string[]} {
  const written: string[] = []
  const stream = new PassThrough() as unknown as Output
  stream.on('data', (chunk: Buffer) => written.push(chunk.toString()))
  return {stream, written}
}

t.test('to a file: written in place until the stream is needed, then through it, in order', async (t) => {
  const file = path.join(t.testdir(), 'out.txt')
  const fd = openSync(file, 'w')
  t.teardown(() => closeSync(fd))
  const fake = recorder()
  let makes = 0
  const out = fdOutput(fd, () => (makes++, fake.stream))
  t.equal(out.write('one\n'), true)
  await new Promise<void>((resolve) => out.write('two\n', () => resolve()))
  t.equal(out.isTTY, undefined, 'a file is no terminal')
  t.equal(out.destroyed, false)
  t.equal(makes, 0, 'no stream made yet')
  t.equal(readFileSync(file, 'utf8'), 'one\ntwo\n')
  out.on('error', () => {})
  t.equal(makes, 1, 'any other property makes the stream')
  out.write('three\n')
  await new Promise((resolve) => setImmediate(resolve))
  t.same(fake.written, ['three\n'], 'later writes go through it')
  t.equal(readFileSync(file, 'utf8'), 'one\ntwo\n')
})

t.test('a failed write hands the rest to the stream, which reports as Node would', async (t) => {
  const file = path.join(t.testdir({'out.txt': ''}), 'out.txt')
  const fd = openSync(file, 'r') // read-only: writing fails with EBADF
  t.teardown(() => closeSync(fd))
  const fake = recorder()
  const out = fdOutput(fd, () => fake.stream)
  out.write('lost to the descriptor, kept by the stream\n')
  await new Promise((resolve) => setImmediate(resolve))
  t.same(fake.written, ['lost to the descriptor, kept by the stream\n'])
})

t.test('a pipe always goes through the stream', async (t) => {
  const fake = recorder()
  const {readFd, close} = pipeFd()
  t.teardown(close)
  const out = fdOutput(readFd, () => fake.stream)
  out.write('via the stream\n')
  await new Promise((resolve) => setImmediate(resolve))
  t.same(fake.written, ['via the stream\n'])
})

// A descriptor of a FIFO made for the test (Node has no pipe() call; a named pipe is one).
function pipeFd(): {readFd: number; close: () => void} {
  const dir = t.testdir()
  const fifo = path.join(dir, 'fifo')
  spawnSync('mkfifo', [fifo])
  const readFd = openSync(fifo, 'r+')
  return {readFd, close: () => closeSync(readFd)}
}
