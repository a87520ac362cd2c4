// The `html` reporter as the registry hands it out: the page's code (model, renderer, styles) loads
// in the background when the reporter is made, so a run that does not ask for HTML never loads it.
import type {Writable} from 'node:stream'
import type {RunEvent} from '../../events.js'
import type {Reporter} from '../types.js'
import type {HtmlOptions} from './index.js'

// A reporter that behaves as createHtmlReporter's: what arrives before the module has loaded
// (events, the redactor) waits in order and is handed over once it has; close() waits for it.
export function createLazyHtmlReporter(out: Writable, options: HtmlOptions = {}): Reporter {
  let real: Reporter | undefined
  const waiting: Array<(reporter: Reporter) => void> = []
  const loading = import('./index.js').then((html) => {
    const reporter = html.createHtmlReporter(out, options)
    for (const call of waiting.splice(0)) call(reporter)
    real = reporter
  })
  // A failed load surfaces from close(), not as an unhandled rejection before it.
  loading.catch(() => {})
  const pass = (call: (reporter: Reporter) => void) => (real ? call(real) : waiting.push(call))
  return {
    setRedactor: (redact) => pass((reporter) => reporter.setRedactor?.(redact)),
    onEvent: (event: RunEvent) => pass((reporter) => reporter.onEvent(event)),
    async close() {
      await loading
      await real!.close()
    },
  }
}
