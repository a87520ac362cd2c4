// Readiness probes of `background` steps: an http(s) URL answering 2xx, or a command exiting 0.
import {shellCall} from '../shell/values.js'
import {spawnStep} from './spawn.js'

// True when `ready=` is an http(s) URL rather than a command.
export function isReadyUrl(probe: string): boolean {
  return /^https?:\/\//i.test(probe.trim())
}

// One look: true when the service answers as ready.
export async function probeOnce(
  probe: string,
  options: {cwd: string; env: Record<string, string>; tags: Record<string, string>; timeoutMs: number; shell: string},
): Promise<boolean> {
  if (isReadyUrl(probe)) {
    // lib/http (and undici) load only for a `ready=` URL: runbooks without one start faster. The
    // probe sends through the same code as `http` steps (timeouts, body cap).
    const {sendRequest} = await import('../http/send.js')
    try {
      const response = await sendRequest({method: 'GET', url: probe.trim(), headers: []}, {timeoutMs: options.timeoutMs})
      return response.status >= 200 && response.status < 300
    } catch {
      return false
    }
  }
  // The command text goes to the shell as written; `${VAR}` in it is the shell's expansion of `env`.
  const call = shellCall(options.shell, probe, options.env)
  const outcome = await spawnStep({
    file: call.file,
    args: call.args,
    cwd: options.cwd,
    env: call.env,
    timeoutMs: options.timeoutMs,
    tags: options.tags,
  })
  return outcome.exitCode === 0 && !outcome.timedOut
}
