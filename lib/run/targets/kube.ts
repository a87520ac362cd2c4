// The `kube` transport: the step runs here, with a generated private KUBECONFIG that puts the named
// context (and namespace) first, in front of the user's own files. kubectl, oc and helm all read
// KUBECONFIG, so a step acts on the context the runbook names, never on whatever is current.
// The user's kubeconfig is only read, never written.
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {homedir, tmpdir} from 'node:os'
import path from 'node:path'
import {interpolate} from '../../interpolate.js'
import type {TargetSpec} from '../../model.js'
import {failedHandle} from './failed-handle.js'
import {TargetError, type HostJobHandle, type Target} from './types.js'

const load = createRequire(import.meta.url)

// The user's kubeconfig files, in the order kubectl merges them.
export function kubeconfigFiles(env: Record<string, string | undefined>): string[] {
  const list = env['KUBECONFIG']
  if (list) return list.split(path.delimiter).filter((file) => file !== '')
  return [path.join(env['HOME'] ?? homedir(), '.kube', 'config')]
}

interface Named {
  name: string
  context?: {cluster?: string; user?: string; namespace?: string}
}

// A kube context and namespace.
export class KubeTarget implements Target {
  readonly kind = 'kube'
  readonly hosts: string[] = []
  readonly serial = 1
  readonly maxFail = 0
  private made: Promise<Record<string, string>> | undefined
  private dir: string | undefined

  constructor(readonly name: string, private readonly spec: TargetSpec, private readonly env: Record<string, string>) {}

  environment(): Promise<Record<string, string>> {
    return (this.made ??= this.generate())
  }

  async start(): Promise<HostJobHandle> {
    return failedHandle('kube steps run here, with their own KUBECONFIG')
  }

  async close(): Promise<void> {
    if (this.dir) rmSync(this.dir, {recursive: true, force: true})
  }

  private async generate(): Promise<Record<string, string>> {
    const context = this.spec.context === undefined ? '' : interpolate(this.spec.context, this.env)
    if (context === '') throw new TargetError(`target \`${this.name}\`: a kube target needs a context (kube: {context: NAME})`)
    const files = kubeconfigFiles(this.env)
    const {parse} = load('yaml') as typeof import('yaml')
    const contexts: Named[] = []
    for (const file of files) {
      if (!existsSync(file)) continue
      const data = parse(readFileSync(file, 'utf8'), {maxAliasCount: 100}) as {contexts?: Named[]} | null
      for (const entry of data?.contexts ?? []) if (entry && typeof entry.name === 'string') contexts.push(entry)
    }
    const found = contexts.find((entry) => entry.name === context) // the first definition wins, as in kubectl
    if (!found) {
      const known = [...new Set(contexts.map((entry) => entry.name))]
      throw new TargetError(
        `target \`${this.name}\`: kube context \`${context}\` does not exist in ${files.join(path.delimiter)}` +
          (known.length > 0 ? ` (contexts there: ${known.join(', ')})` : ' (no contexts there)'),
      )
    }
    const namespace = this.spec.namespace === undefined ? found.context?.namespace : interpolate(this.spec.namespace, this.env)
    const entry = {cluster: found.context?.cluster, user: found.context?.user, ...(namespace ? {namespace} : {})}
    this.dir = mkdtempSync(path.join(tmpdir(), 'runbook-kube-'))
    const file = path.join(this.dir, 'config')
    const text = [
      'apiVersion: v1',
      'kind: Config',
      'preferences: {}',
      `current-context: ${JSON.stringify(context)}`,
      'contexts:',
      `- name: ${JSON.stringify(context)}`,
      `  context: ${JSON.stringify(entry)}`,
      '',
    ].join('\n')
    writeFileSync(file, text, {mode: 0o600})
    return {KUBECONFIG: [file, ...files].join(path.delimiter)}
  }
}
