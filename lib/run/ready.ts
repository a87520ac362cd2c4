// Readiness probes of `background` steps: an http(s) URL answering 2xx, or a command exiting 0.
import {spawnStep} from './spawn.js'

// One look: true when the service answers as ready.
export async function probeOnce(
  probe: string,
  options: {cwd: string; env: Record<string, string>; tags: Record<string, string>; timeoutMs: number; shell: string},
): Promise<boolean> {
  if (/^https?:\/\//i.test(probe)) {
    // undici loads only for a `ready=` URL: runbooks without one start faster.
    const {request} = await import('undici')
    try {
      const response = await request(probe, {
        method: 'GET',
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        signal: AbortSignal.timeout(options.timeoutMs),
      })
      await response.body.dump()
      return response.statusCode >= 200 && response.statusCode < 300
    } catch {
      return false
    }
  }
  const [file, ...args] = options.shell.trim().split(/\s+/)
  const outcome = await spawnStep({
    file: file!,
    args: [...args, '-c', probe],
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    tags: options.tags,
  })
  return outcome.exitCode === 0 && !outcome.timedOut
}
