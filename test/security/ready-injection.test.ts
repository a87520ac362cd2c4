// Finding 1 of issue 12: a `${VAR}` in a `ready=` command reaches the shell as an environment
// variable, never spliced into the command text, whether it comes from --set or an HTTP capture.
import t from 'tap'
import {existsSync, readFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import path from 'node:path'
import {killMarked, marker, runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

function service(mark: string, ready: string): string[] {
  return [`${fence}bash {#svc background ready="${ready}" timeout=10s}`, `sleep 30 # ${mark}`, fence, '']
}

t.test('a --set value with shell syntax stays data in a ready command', async (t) => {
  const mark = marker('ready-set')
  t.teardown(() => killMarked(mark))
  const dir = runbookDir(['# Ready', '', ...service(mark, 'echo ${HOST} > seen.txt')].join('\n'))
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file, ['--set', 'HOST=x;touch pwned;'], {timeoutMs: 40_000})
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('svc')?.status, 'passed')
  t.equal(readFileSync(path.join(dir.dir, 'seen.txt'), 'utf8'), 'x;touch pwned;\n', 'the probe saw the value as data')
  t.notOk(existsSync(path.join(dir.dir, 'pwned')), 'the value did not run as a command')
})

t.test('a value captured from an HTTP response stays data in a ready command', async (t) => {
  const mark = marker('ready-capture')
  t.teardown(() => killMarked(mark))
  const server: Server = createServer((req, res) => {
    res.writeHead(200, {'content-type': 'application/json'})
    res.end(JSON.stringify({host: '$(touch pwned-subst); touch pwned-semi'}))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const port = (server.address() as {port: number}).port
  const dir = runbookDir(
    [
      '# Capture',
      '',
      `${fence}http {#lookup}`,
      `GET http://127.0.0.1:${port}/host`,
      '',
      '[Captures]',
      'HOST: jsonpath "$.host"',
      fence,
      '',
      ...service(mark, 'echo ${HOST} > seen.txt'),
    ].join('\n'),
  )
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file, [], {timeoutMs: 40_000})
  t.equal(run.results.get('lookup')?.status, 'passed', run.stdout)
  t.equal(run.results.get('svc')?.status, 'passed', run.stderr)
  t.equal(readFileSync(path.join(dir.dir, 'seen.txt'), 'utf8'), '$(touch pwned-subst); touch pwned-semi\n', 'the probe saw the value as data')
  t.notOk(existsSync(path.join(dir.dir, 'pwned-subst')), 'no command substitution ran')
  t.notOk(existsSync(path.join(dir.dir, 'pwned-semi')), 'no second command ran')
})
