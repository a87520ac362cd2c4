// Front matter `targets:` (SPEC §13) → typed TargetSpecs, each with the place it is defined.
import type {TargetSpec} from '../model.js'

// Where a key of the front matter stands: [line, column] of `runbook.targets.NAME`.
export type PlaceOf = (path: string[]) => {line: number; column: number; offset: number}

// The targets of a schema-valid `runbook:` mapping.
export function readTargets(runbook: Record<string, unknown>, placeOf: PlaceOf): Record<string, TargetSpec> {
  const targets: Record<string, TargetSpec> = {}
  const raw = (runbook['targets'] ?? {}) as Record<string, Record<string, unknown>>
  for (const [name, spec] of Object.entries(raw)) {
    const place = placeOf(['runbook', 'targets', name])
    const kind = 'ssh' in spec ? 'ssh' : 'kube' in spec ? 'kube' : 'exec'
    const target: TargetSpec = {name, kind, hosts: [], options: {}, line: place.line, column: place.column, offset: place.offset}
    const ssh = spec['ssh']
    if (kind === 'ssh') target.hosts = (Array.isArray(ssh) ? ssh : [ssh]).map(String)
    if (typeof spec['identity'] === 'string') target.identity = spec['identity']
    const options = (spec['options'] ?? {}) as Record<string, unknown>
    for (const [key, value] of Object.entries(options)) target.options[key] = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)
    if (spec['serial'] !== undefined) target.serial = spec['serial'] as number | string
    if (spec['max-fail'] !== undefined) target.maxFail = spec['max-fail'] as number | string
    const kube = spec['kube'] as {context?: string; namespace?: string} | undefined
    if (kube?.context !== undefined) target.context = kube.context
    if (kube?.namespace !== undefined) target.namespace = kube.namespace
    if (Array.isArray(spec['exec'])) target.argv = (spec['exec'] as unknown[]).map(String)
    targets[name] = target
  }
  return targets
}
