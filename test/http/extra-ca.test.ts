// NODE_EXTRA_CA_CERTS through the `runbook` command (bin/runbook.sh moves it out of Node's way at
// start-up, lib/http/extra-ca.ts loads it for the first HTTPS request): an HTTPS server on loopback
// whose certificate a throwaway authority signed is trusted exactly when the variable names that
// authority, and the steps still see the variable.
import t from 'tap'
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:https'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {commandPath, runCli} from '../helpers/cli.js'

const dir = mkdtempSync(path.join(tmpdir(), 'runbook-extra-ca-'))
t.teardown(() => rmSync(dir, {recursive: true, force: true}))
const file = (name: string) => path.join(dir, name)
const openssl = (...args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']})
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=runbook test authority', '-days', '2')
openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1')
writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n')
openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.ext')

const server = createServer({key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem'))}, (_request, response) => {
  response.writeHead(200, {'content-type': 'application/json'})
  response.end('{"ok": true}')
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
t.teardown(() => server.close())
const port = (server.address() as AddressInfo).port
const fence = '```'
writeFileSync(
  file('runbook.md'),
  [
    '# Internal service',
    '',
    `${fence}http {#health status=200}`,
    `GET https://127.0.0.1:${port}/health`,
    fence,
    '',
    `${fence}bash {#env}`,
    'echo "${NODE_EXTRA_CA_CERTS-none} ${RUNBOOK_EXTRA_CA_CERTS-none}"',
    fence,
    '',
    // The steps get the variable back, and never the moved one.
    `${fence}{expect}`,
    `${file('ca.pem')} none`,
    fence,
    '',
  ].join('\n'),
)
const run = (env: Record<string, string | undefined>) => runCli(['run', 'runbook.md', '--reporter', 'plain'], {cwd: dir, env: {NODE_OPTIONS: undefined, ...env}})

t.test('the authority in NODE_EXTRA_CA_CERTS is trusted, and the steps see the variable', async (t) => {
  const result = await run({NODE_EXTRA_CA_CERTS: file('ca.pem')})
  t.equal(result.code, 0, result.stdout + result.stderr)
  t.match(result.stdout, /✓ health[\s\S]*✓ env/)
})

t.test('without it, the same request fails on the certificate', async (t) => {
  const result = await run({NODE_EXTRA_CA_CERTS: undefined})
  t.equal(result.code, 1)
  t.match(result.stdout, /✗ health[\s\S]*(certificate|issuer)/i)
})

t.test('with NODE_OPTIONS set, Node loads the file itself, and the request is trusted the same', async (t) => {
  const result = await run({NODE_EXTRA_CA_CERTS: file('ca.pem'), NODE_OPTIONS: '--no-deprecation'})
  t.equal(result.code, 0, result.stdout + result.stderr)
})

t.test('a file that cannot be read is left out with a warning, as Node does', async (t) => {
  const result = await run({NODE_EXTRA_CA_CERTS: file('missing.pem')})
  t.equal(result.code, 1)
  t.match(result.stderr, /Ignoring extra certs from `.*missing\.pem`/)
})

t.test('the command finds its CLI through a chain of symbolic links (npx, node_modules/.bin)', async (t) => {
  symlinkSync(commandPath, file('first-link'))
  symlinkSync('first-link', file('runbook'))
  const result = spawnSync(file('runbook'), ['--version'], {encoding: 'utf8', env: {...process.env, PATH: `${path.dirname(process.execPath)}:${process.env['PATH']}`}})
  t.equal(result.status, 0, result.stderr)
  t.match(result.stdout, /^\d+\.\d+\.\d+/)
})
