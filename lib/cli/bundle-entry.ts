// What the bundled CLI file (dist/bin/cli-<hash>.cjs, scripts/bundle.mjs) gives bin/runbook.ts:
// everything the process wiring calls, from the same module instances the commands use.
import {commands} from './commands/index.js'

export {main} from './main.js'
// The launcher chooses where parsed documents are cached (lib/parse/tree-cache.ts).
export {enableTreeCache} from '../cache-folder.js'
export {fdOutput} from './fd-output.js'
// The launcher hands over NODE_EXTRA_CA_CERTS when bin/runbook.sh moved it (lib/http/extra-ca.ts).
export {useExtraCaCerts} from '../http/extra-ca.js'

// The names of the commands (the launcher keeps a code cache per command, only for these).
export const commandNames: string[] = commands.map((command) => command.name)

// A second Ctrl-C: stop processes now, without the grace period. The executor has loaded
// kill-tree by then (the same module instance); a command without processes has nothing to skip.
export async function skipKillGrace(): Promise<void> {
  ;(await import('../run/kill-tree.js')).skipKillGrace()
}
