// The executor's last gate (lib/run/mask-events.ts): every string of an event is masked once the
// redactor knows a secret, including one it learns during the run.
import t from 'tap'
import {maskingEmitter} from '../../lib/run/mask-events.js'
import {createRedactor} from '../../lib/redact/index.js'
import type {RunEvent} from '../../lib/events.js'

t.test('events are masked from the moment a secret is known', async (t) => {
  const seen: RunEvent[] = []
  const redactor = createRedactor([])
  const emit = maskingEmitter((event) => seen.push(event), redactor)
  const event = (reason: string) => ({type: 'step:retry', at: 1, stepId: 'a', attempt: 1, reason, delayMs: 0}) as RunEvent
  t.equal(redactor.knowsSecrets?.(), false)
  emit(event('token s3cr3t-value in a reason'))
  redactor.add(['s3cr3t-value'])
  t.equal(redactor.knowsSecrets?.(), true)
  emit(event('token s3cr3t-value in a reason'))
  t.equal((seen[0] as {reason: string}).reason, 'token s3cr3t-value in a reason', 'nothing to mask before')
  t.equal((seen[1] as {reason: string}).reason, 'token *** in a reason', 'masked after')
})
