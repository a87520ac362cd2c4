// A step that may set a secret (`export DEPLOY_TOKEN=$(…)`, `read -s DB_PASSWORD`, `source ./env`,
// an http capture) has its output events held until it ends, so the redactor has learnt the new
// value before any live sink (json `step:output`, GitHub groups, the terminal) sees the output.
import type {EventListener, RunEvent} from '../events.js'
import type {Step} from '../model.js'
import {isSecretName} from '../redact/index.js'

const assignment = /(?:^|[^A-Za-z0-9_$])([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]\n]*\])?\+?=/g
const readNames = /(?:^|[\s;&|(])(?:read|mapfile|readarray|getopts|printf\s+-v)\b([^\n;&|]*)/g
const sourcing = /(?:^|[\s;&|(])(?:source|\.|eval|set\s+-[a-z]*a)\s/

// True when running `step` may give a secret-named variable a value the redactor does not know yet.
export function maySetSecret(step: Step): boolean {
  if (step.runner === 'http') return true // captures are known only when the response is in
  if (step.runner === 'node' || step.runner === 'python') return false // they export nothing
  const code = step.code
  if (sourcing.test(code)) return true
  for (const match of code.matchAll(assignment)) if (isSecretName(match[1]!)) return true
  for (const match of code.matchAll(readNames)) {
    for (const word of match[1]!.split(/\s+/)) if (/^[A-Za-z_]\w*$/.test(word) && isSecretName(word)) return true
  }
  return false
}

// An emitter that keeps `step:output` events back; `release` sends them, masked with what is known by then.
export function heldEmitter(emit: EventListener): {emit: EventListener; release(redact: (text: string) => string): void} {
  const held: Array<Extract<RunEvent, {type: 'step:output'}>> = []
  return {
    emit(event) {
      if (event.type === 'step:output') held.push(event)
      else emit(event)
    },
    release(redact) {
      // Runs of one stream are masked as one text: a secret split across chunks is still found.
      const events = held.splice(0)
      for (let at = 0; at < events.length; ) {
        let end = at + 1
        while (end < events.length && events[end]!.stream === events[at]!.stream) end++
        emit({...events[at]!, chunk: redact(events.slice(at, end).map((event) => event.chunk).join(''))})
        at = end
      }
    },
  }
}
