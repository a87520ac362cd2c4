import t from 'tap'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

t.test('capture= takes the whole trimmed stdout, regex groups and JSONPath values; later steps, http blocks and attributes see them', async (t) => {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify({path: request.url}))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const port = (server.address() as AddressInfo).port
  const book = runbookDir(
    [
      '# Captures',
      '',
      `${fence}bash {#name capture="CLUSTER"}`,
      'printf "\\n   hub-east  \\n\\n"',
      `${fence}`,
      '',
      `${fence}bash {#pod capture="POD=regex:\\"name\\": \\"(virt-controller-[a-z0-9-]+)\\" READY=jsonpath:$.status.containerStatuses[0].ready PHASE=jsonpath:$.status.phase"}`,
      `echo '{"metadata": {"name": "virt-controller-7d9f8c-x2x4q"}, "status": {"phase": "Running", "containerStatuses": [{"ready": true}]}}'`,
      `${fence}`,
      '',
      `${fence}bash {#use contains="pod=\${POD}"}`,
      'echo "cluster=[$CLUSTER] pod=$POD ready=$READY phase=$PHASE"',
      `${fence}`,
      '',
      `${fence}http {#ask-api status=200}`,
      `GET http://127.0.0.1:${port}/pods/\${POD}`,
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.equal(run.results.get('use')?.stdout.text, 'cluster=[hub-east] pod=virt-controller-7d9f8c-x2x4q ready=true phase=Running\n')
  t.match(run.results.get('pod')?.captures, {POD: 'virt-controller-7d9f8c-x2x4q', READY: 'true', PHASE: 'Running'})
  t.match(run.results.get('ask-api')?.stdout.text, '"/pods/virt-controller-7d9f8c-x2x4q"')
})

t.test('a capture that finds nothing fails the step, naming the capture and showing the output start', async (t) => {
  const book = runbookDir(
    [
      '# Nothing',
      '',
      `${fence}bash {#find capture="LAUNCHER=regex:^(virt-launcher-\\S+)"}`,
      'echo "NAME                 READY   STATUS"',
      'echo "virt-handler-abcde   1/1     Running"',
      `${fence}`,
      '',
      `${fence}bash {#next}`,
      'echo never',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file, '--reporter', 'plain', '--out', path.join(book.dir, 'out.md')])
  t.equal(run.code, 1)
  t.match(run.stdout, /✗ find — capture `LAUNCHER` regex `\^\(virt-launcher-\\S\+\)` matched nothing; output starts: NAME {17}READY {3}STATUS ↵ virt-handler-abcde/)
  t.match(run.stdout, /- next \(not run: needs `find`/)
  const written = readFileSync(path.join(book.dir, 'out.md'), 'utf8')
  t.match(written, /\*\*failed:\*\* capture \\`LAUNCHER\\`/)
})

t.test('a broken capture= is an invalid runbook with its place', async (t) => {
  const book = runbookDir(['# Bad', '', `${fence}bash {#x capture="A=regex:(unclosed B=jsonpath:nope"}`, 'echo', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file])
  t.equal(run.code, 2)
  t.match(run.stderr, /runbook\.md:3:\d+.*capture `A`: invalid regex/)
  t.match(run.stderr, /capture `B`: JSONPath must start with `\$`/)
})

t.test('values captured under secret names are masked in every sink', async (t) => {
  const secret = 'tok-9f8e7d6c5b4a'
  const book = runbookDir(
    [
      '# Secret',
      '',
      `${fence}bash {#login capture="API_TOKEN=regex:token: (\\S+)"}`,
      'cat creds.txt',
      `${fence}`,
      '',
      `${fence}bash {#use}`,
      'echo "using $API_TOKEN"; test -n "$API_TOKEN"',
      `${fence}`,
      '',
    ].join('\n'),
    {'creds.txt': `user: ops\ntoken: ${secret}\n`},
  )
  t.teardown(book.cleanup)
  const evidence = path.join(book.dir, 'ev')
  const out = path.join(book.dir, 'out.md')
  const run = await runJson(book.file, ['--evidence', evidence, '--out', out])
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.notMatch(run.stdout, secret)
  t.notMatch(run.stderr, secret)
  t.equal(run.results.get('login')?.captures.API_TOKEN, '***')
  t.match(run.results.get('use')?.stdout.text, /using \*+/)
  t.notMatch(readFileSync(out, 'utf8'), secret)
  const walk = (dir: string): string[] => readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
  for (const file of walk(evidence)) t.notMatch(readFileSync(file, 'utf8'), secret, file)
  t.match(readFileSync(path.join(evidence, 'steps', 'login', 'stdout.log'), 'utf8'), 'user: ops')
})
