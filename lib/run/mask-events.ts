// The executor's last gate (SPEC §8, §11): every string of every event is masked before any
// listener sees it — failure reasons (`contains="${API_TOKEN}!"`), ready URLs and commands,
// expectation diffs, check messages — so no reporter, evidence file or written document leaks.
// Events carry the run's results by reference, so the results the run returns are masked too.
import type {EventListener, RunEvent} from '../events.js'
import type {Redactor} from '../redact/index.js'

// Output already went through the redactor's stream (and again when a secret was learnt).
const alreadyMasked = new Set(['chunk', 'stdout', 'stderr'])

// An emitter that masks each event in place, then passes it on.
export function maskingEmitter(emit: EventListener, redactor: Redactor): EventListener {
  return (event: RunEvent) => {
    // Nothing to mask yet (no secret in the environment, none learnt): no walk over the event.
    if (redactor.knowsSecrets?.() !== false) maskStrings(event as unknown as Record<string, unknown>, redactor, new Set())
    emit(event)
  }
}

function maskStrings(node: Record<string, unknown> | unknown[], redactor: Redactor, seen: Set<object>): void {
  if (seen.has(node)) return
  seen.add(node)
  const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((value, index) => [index, value]) : Object.entries(node)
  for (const [key, value] of entries) {
    if (typeof key === 'string' && alreadyMasked.has(key) && (typeof value === 'object' || key === 'chunk')) continue
    if (typeof value === 'string') {
      const masked = redactor.redact(value)
      if (masked !== value) (node as Record<string | number, unknown>)[key] = masked
    } else if (value !== null && typeof value === 'object') {
      maskStrings(value as Record<string, unknown>, redactor, seen)
    }
  }
}
