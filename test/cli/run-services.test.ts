// Background services: started, polled until ready, stopped when the run ends however it ends.
import t from 'tap'
import {existsSync, readFileSync} from 'node:fs'
import {createServer} from 'node:net'
import path from 'node:path'
import {killMarked, marker, processesWith, runbookDir, runJson, startCli, waitFor} from '../helpers/run.js'

const fence = '```'

// A real HTTP server that starts listening only after a while, so readiness must be polled.
const server = `import http from 'node:http'
const port = Number(process.env.PORT)
setTimeout(() => {
  http.createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404, {'content-type': 'application/json'})
    res.end(JSON.stringify({status: 'ok', pid: process.pid}))
  }).listen(port, '127.0.0.1', () => console.log('listening on ' + port))
}, 300)
`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as {port: number}).port
      probe.close(() => resolve(port))
    })
  })
}

function book(mark: string, rest: string[]) {
  return runbookDir(
    [
      '# Service',
      '',
      `${fence}bash {#server background ready="http://127.0.0.1:\${PORT}/health" timeout=20s}`,
      `exec node server.mjs ${mark}`,
      `${fence}`,
      '',
      `${fence}http {#health status=200}`,
      'GET http://127.0.0.1:${PORT}/health',
      `${fence}`,
      '',
      ...rest,
      `${fence}bash {#teardown always}`,
      'echo cleaned > teardown.txt',
      `${fence}`,
      '',
    ].join('\n'),
    {'server.mjs': server},
  )
}

t.test('a background server is polled until ready, used, and gone after a successful run', async (t) => {
  const mark = marker('srv-ok')
  t.teardown(() => killMarked(mark))
  const dir = book(mark, [])
  t.teardown(dir.cleanup)
  const port = await freePort()
  const run = await runJson(dir.file, ['--set', `PORT=${port}`], {timeoutMs: 40_000})
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('server')?.status, 'passed')
  t.equal(run.results.get('health')?.status, 'passed', JSON.stringify(run.results.get('health')?.reason))
  t.ok(run.events.some((e) => e['type'] === 'service:ready' && e['stepId'] === 'server'))
  t.ok(run.events.some((e) => e['type'] === 'service:stop' && e['stepId'] === 'server'))
  t.same(processesWith(mark), [], 'the server is gone')
})

t.test('a background server is gone after a failed run', async (t) => {
  const mark = marker('srv-fail')
  t.teardown(() => killMarked(mark))
  const dir = book(mark, [`${fence}bash {#broken}`, 'exit 4', `${fence}`, ''])
  t.teardown(dir.cleanup)
  const port = await freePort()
  const run = await runJson(dir.file, ['--set', `PORT=${port}`], {timeoutMs: 40_000})
  t.equal(run.code, 1, run.stderr)
  t.equal(run.results.get('broken')?.status, 'failed')
  t.equal(run.results.get('teardown')?.status, 'passed', 'the always step ran after the failure')
  t.same(processesWith(mark), [], 'the server is gone')
})

t.test('SIGINT stops the running step, runs always steps, stops the server, exits 130', async (t) => {
  const mark = marker('srv-int')
  t.teardown(() => killMarked(mark))
  const dir = book(mark, [`${fence}bash {#long}`, `exec -a ${mark}-long sleep 300`, `${fence}`, '', `${fence}bash {#later}`, 'echo later', `${fence}`, ''])
  t.teardown(dir.cleanup)
  const port = await freePort()
  const cli = startCli(['run', dir.file, '--reporter', 'json', '--set', `PORT=${port}`], {cwd: dir.dir})
  await waitFor(() => processesWith(`${mark}-long`).length > 0, 30_000, 'the long step to start')
  cli.child.kill('SIGINT')
  const done = await cli.done
  t.equal(done.code, 130, done.stderr)
  const events = done.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
  const results = new Map(events.filter((e) => e.type === 'step:end').map((e) => [e.stepId, e.result]))
  t.equal(results.get('long')?.status, 'interrupted')
  t.equal(results.get('later')?.status, 'not-run')
  t.equal(results.get('teardown')?.status, 'passed', 'the always step ran after the interrupt')
  t.equal(readFileSync(path.join(dir.dir, 'teardown.txt'), 'utf8'), 'cleaned\n')
  t.equal(events.find((e) => e.type === 'run:end')?.result.interrupted, 'SIGINT')
  t.same(processesWith(mark), [], 'the server and the interrupted step are gone')
})

t.test('a service that exits before it is ready fails its step', async (t) => {
  const dir = runbookDir([`${fence}bash {#dies background ready="false" timeout=10s}`, 'echo starting; exit 3', `${fence}`, ''].join('\n'))
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file, [], {timeoutMs: 30_000})
  t.equal(run.code, 1)
  t.equal(run.results.get('dies')?.status, 'failed')
  t.match(run.results.get('dies')?.reason, /exited \(code 3\) before it was ready/)
  t.notOk(existsSync(path.join(dir.dir, 'teardown.txt')))
})
