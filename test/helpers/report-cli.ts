// Helpers for reporter tests through the CLI: a copied fixture runbook, a local HTTP server, a pty.
import {spawn} from 'node:child_process'
import {copyFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {binPath} from './cli.js'
import {repoPath} from './paths.js'

const fixtures = repoPath('test/fixtures/report/')

// Copy a fixture runbook into `dir` (steps write files beside it) and return its name.
export async function copyFixture(name: string, dir: string): Promise<string> {
  await copyFile(path.join(fixtures, name), path.join(dir, name))
  return name
}

// A health endpoint that answers 503 with a JSON body, on 127.0.0.1 and a free port.
export async function unhealthyServer(): Promise<{port: number; close: () => Promise<void>}> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(503, {'content-type': 'application/json', 'retry-after': '5'})
    response.end('{"status":"starting","db":"down"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {port, close: () => new Promise((resolve) => server.close(() => resolve()))}
}

// Run the CLI under a pseudo-terminal (util-linux `script`), so stdout is a real TTY.
export function runInPty(args: string[], options: {cwd: string; env: Record<string, string | undefined>; timeoutMs?: number}): Promise<{code: number | null; output: string}> {
  const command = [process.execPath, binPath, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ')
  return new Promise((resolve, reject) => {
    // A key given as undefined is removed from the environment, not passed as the text "undefined".
    const env = Object.fromEntries(Object.entries({...process.env, ...options.env}).filter(([, value]) => value !== undefined))
    const child = spawn('script', ['-qec', command, '/dev/null'], {cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe']})
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, output})
    })
    child.stdin.end()
  })
}
