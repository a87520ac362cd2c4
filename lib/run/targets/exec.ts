// The `exec` transport: any wrapper that runs a shell reading the script on its stdin
// (`docker exec -i NAME sh -s`, `nsenter … sh -s`, `sudo -u app sh -s`). Inputs and secrets are
// exported at the top of that script, never put on the wrapper's command line.
import {interpolate} from '../../interpolate.js'
import type {TargetSpec} from '../../model.js'
import {startProcess} from '../spawn.js'
import {captureLimits} from '../capture.js'
import {setOptionsText, shellQuote} from '../state.js'
import type {HostJob, HostJobHandle, HostOutcome, Target} from './types.js'

// A wrapper command; its one "host" is the target's name.
export class ExecTarget implements Target {
  readonly kind = 'exec'
  readonly hosts: string[]
  readonly serial = 1
  readonly maxFail = 0
  private readonly argv: string[]

  constructor(readonly name: string, spec: TargetSpec, private readonly env: Record<string, string>, private readonly tags: Record<string, string>) {
    this.hosts = [name]
    this.argv = (spec.argv ?? []).map((word) => interpolate(word, env))
  }

  async environment(): Promise<Record<string, string>> {
    return {}
  }

  async start(host: string, job: HostJob): Promise<HostJobHandle> {
    const exports = Object.entries(job.env)
      .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      .map(([name, value]) => `export ${name}=${shellQuote(value)}`)
    const options = setOptionsText(job.options) // the wrapper's shell is unknown: each option on its own
    const script = [...exports, ...(job.cwd !== undefined ? [`cd -- ${shellQuote(job.cwd)} || exit 127`] : []), ...(options ? [options] : []), job.code].join('\n') + '\n'
    const tags = {...this.tags, RUNBOOK_STEP_ID: job.stepId, RUNBOOK_HOST: host}
    let all = ''
    const handle = startProcess({
      file: this.argv[0]!,
      args: this.argv.slice(1),
      cwd: process.cwd(),
      env: {...this.env, ...tags},
      tags,
      input: script,
      ...(job.timeoutMs !== undefined ? {timeoutMs: job.timeoutMs} : {}),
      ...(job.signal ? {signal: job.signal} : {}),
      ...(job.redactor ? {redactor: job.redactor} : {}),
      onChunk: (stream, chunk) => {
        if (all.length < captureLimits.textBytes) all += chunk
        job.onChunk(stream, chunk)
      },
    })
    const outcome = handle.outcome.then((spawned): HostOutcome => {
      const result: HostOutcome = {exitCode: spawned.exitCode, timedOut: spawned.timedOut, interrupted: spawned.interrupted, stdout: spawned.stdout, stderr: spawned.stderr, all}
      if (spawned.signal) result.signal = spawned.signal
      if (spawned.error) result.error = `could not start \`${this.argv.join(' ')}\`: ${spawned.error}`
      return result
    })
    return {outcome, exited: () => handle.exited, captures: handle.captures, stop: () => handle.stop()}
  }

  async close(): Promise<void> {}
}
