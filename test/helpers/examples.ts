// Helpers for the example and docs tests: a private temp root PostgreSQL can reach, a scan for
// processes a run left behind (by a marker in their command line).
import {mkdtemp, chmod, rm, readdir, readFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import net from 'node:net'

export {repoDir} from './paths.js'

// A fresh folder under the system temp dir, readable by the `postgres` user (the sandbox runs
// PostgreSQL as that user when the tests run as root). Short, so socket paths stay short.
export async function makeTempRoot(): Promise<{dir: string; cleanup: () => Promise<void>}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rbx-'))
  await chmod(dir, 0o755)
  return {dir, cleanup: () => rm(dir, {recursive: true, force: true})}
}

// Command lines of the live processes that contain `marker` (never this test process).
export async function processesWith(marker: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')
    if (cmdline.includes(marker)) found.push(`${entry}: ${cmdline.replaceAll('\0', ' ').trim()}`)
  }
  return found
}

// Wait until no process carries `marker` (a stopping server may take a moment), up to `ms`.
export async function settledProcessesWith(marker: string, ms = 5000): Promise<string[]> {
  const deadline = Date.now() + ms
  for (;;) {
    const left = await processesWith(marker)
    if (left.length === 0 || Date.now() > deadline) return left
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

// A TCP port free on 127.0.0.1 right now.
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

// The step statuses recorded in an evidence folder's manifest.json, by step id.
export async function manifestStatuses(evidenceDir: string): Promise<{ok: boolean; status: Record<string, string>}> {
  const manifest = JSON.parse(await readFile(path.join(evidenceDir, 'manifest.json'), 'utf8')) as {
    ok: boolean
    steps: Array<{id: string; status: string}>
  }
  return {ok: manifest.ok, status: Object.fromEntries(manifest.steps.map((step) => [step.id, step.status]))}
}
