import t from 'tap'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const fence = '```'

t.test('artifacts= copies matching files into the evidence, lists them with size and sha256, links them from the document', async (t) => {
  const secret = 'pw-6a5b4c3d2e1f'
  const book = runbookDir(
    [
      '# Logs',
      '',
      `${fence}bash {#collect artifacts="logs/**/*.txt"}`,
      'mkdir -p logs/virt-controller',
      'echo "controller log line; token=$DB_PASSWORD" > logs/virt-controller/pod-a.txt',
      'echo "events" > logs/events.txt',
      'printf "\\x00\\x01binary $DB_PASSWORD" > logs/core.txt',
      'echo "not matched" > logs/notes.md',
      'ln -s /etc/hostname logs/link.txt',
      `${fence}`,
      '',
      `${fence}bash {#nothing artifacts="dumps/*.tar"}`,
      'echo none',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const evidence = path.join(book.dir, 'evidence')
  const out = path.join(book.dir, 'out.md')
  const run = await runCli(['run', book.file, '--evidence', evidence, '--out', out, '--reporter', 'plain'], {cwd: book.dir, env: {DB_PASSWORD: secret}})
  t.equal(run.code, 0, run.stdout + run.stderr)
  const kept = path.join(evidence, 'steps', 'collect', 'artifacts')
  const walk = (dir: string): string[] => readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
  t.same(walk(kept).sort(), ['logs/core.txt', 'logs/events.txt', 'logs/virt-controller/pod-a.txt'], 'no symlink followed, no other file')
  const text = readFileSync(path.join(kept, 'logs/virt-controller/pod-a.txt'), 'utf8')
  t.notMatch(text, secret, 'text files are masked')
  t.match(text, 'controller log line; token=')
  const binary = readFileSync(path.join(kept, 'logs/core.txt'))
  t.ok(binary.includes(Buffer.from(secret)), 'binary files are copied as they are')
  const manifest = JSON.parse(readFileSync(path.join(evidence, 'manifest.json'), 'utf8'))
  const collect = manifest.steps.find((s: {id: string}) => s.id === 'collect')
  const events = collect.artifacts.find((a: {path: string}) => a.path === 'logs/events.txt')
  t.same(events, {path: 'logs/events.txt', size: 7, sha256: createHash('sha256').update('events\n').digest('hex')})
  t.equal(collect.artifacts.length, 3)
  t.match(run.stdout, /artifacts="dumps\/\*\.tar" of step `nothing` matched no file/)
  t.match(run.stdout, /logs\/link\.txt is a symlink: not followed/)
  const written = readFileSync(out, 'utf8')
  t.match(written, '- [logs/events.txt](evidence/steps/collect/artifacts/logs/events.txt) · 7 bytes')
  t.match(written, 'Artifacts: none matched.')
  t.ok(existsSync(path.join(book.dir, 'evidence/steps/collect/artifacts/logs/events.txt')), 'the link resolves from the document')
})

t.test('an artifacts glob cannot climb out of the step folder', async (t) => {
  const book = runbookDir(['# Out', '', `${fence}bash {#x cwd=sub artifacts="../sub/*.txt"}`, 'true', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  mkdirSync(path.join(book.dir, 'sub'))
  writeFileSync(path.join(book.dir, 'sub', 'runbook-escape.txt'), 'x')
  const run = await runCli(['run', book.file, '--evidence', path.join(book.dir, 'ev'), '--reporter', 'plain'], {cwd: book.dir})
  t.equal(run.code, 0)
  t.match(run.stdout, 'must be a relative glob inside the step\'s folder')
  t.notOk(existsSync(path.join(book.dir, 'ev', 'steps', 'x', 'artifacts')))
})

t.test('an artifacts path with no wildcard keeps that one file', async (t) => {
  const book = runbookDir(
    [
      '# Report',
      '',
      `${fence}bash {#top artifacts=report.txt}`,
      'echo "12 checks, 0 failures" > report.txt',
      `${fence}`,
      '',
      `${fence}bash {#nested artifacts="out/summary.txt"}`,
      'mkdir -p out && echo "all green" > out/summary.txt && echo other > out/other.txt',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const evidence = path.join(book.dir, 'evidence')
  const run = await runCli(['run', book.file, '--evidence', evidence, '--reporter', 'plain'], {cwd: book.dir})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.notMatch(run.stdout, /matched no file/)
  t.equal(readFileSync(path.join(evidence, 'steps', 'top', 'artifacts', 'report.txt'), 'utf8'), '12 checks, 0 failures\n')
  t.same(readdirSync(path.join(evidence, 'steps', 'nested', 'artifacts', 'out')), ['summary.txt'], 'only the named file')
})
