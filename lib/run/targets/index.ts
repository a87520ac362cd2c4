// Where a step runs (SPEC §13): the run's targets, opened on first use and closed at the end.
import type {Runbook, Step} from '../../model.js'
import {ExecTarget} from './exec.js'
import {KubeTarget} from './kube.js'
import {LocalTarget} from './local.js'
import {SshTarget} from './ssh.js'
import {TargetError, type Target} from './types.js'

export type {HostJob, HostJobHandle, HostOutcome, Target} from './types.js'
export {TargetError} from './types.js'

// The name of the target a step runs on: its `on=`, else the front matter's `target`, else local.
export function targetName(runbook: Runbook, step: Step): string {
  return step.options.on ?? runbook.frontMatter?.target ?? 'local'
}

// The targets of one run.
export class Targets {
  private readonly open = new Map<string, Target>()

  constructor(private readonly runbook: Runbook, private readonly env: Record<string, string>, private readonly tags: Record<string, string>) {}

  // The target a step runs on; throws TargetError when its name is not defined.
  of(step: Step): Target {
    const name = targetName(this.runbook, step)
    const known = this.open.get(name)
    if (known) return known
    const target = this.make(name)
    this.open.set(name, target)
    return target
  }

  // Close every opened target (connections, private files), whatever happened.
  async close(): Promise<void> {
    const targets = [...this.open.values()]
    this.open.clear()
    await Promise.all(targets.map((target) => target.close().catch(() => {})))
  }

  private make(name: string): Target {
    if (name === 'local') return new LocalTarget()
    const spec = this.runbook.frontMatter?.targets[name]
    if (!spec) {
      const known = Object.keys(this.runbook.frontMatter?.targets ?? {})
      throw new TargetError(`no target \`${name}\`: the front matter defines ${known.length > 0 ? known.map((k) => `\`${k}\``).join(', ') : 'none'} (and local)`)
    }
    if (spec.kind === 'ssh') return new SshTarget(name, spec, this.env, this.tags)
    if (spec.kind === 'kube') return new KubeTarget(name, spec, this.env)
    return new ExecTarget(name, spec, this.env, this.tags)
  }
}
