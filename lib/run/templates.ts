// Typed attribute values written with `${VAR}` (`timeout=${T}`, `retries=${N}`): resolved from the
// step's environment when it runs, checked against the same schema as written values.
import {interpolate} from '../interpolate.js'
import type {Step, StepOptions} from '../model.js'
import {describeKey, validateAgainst} from '../parse/schema.js'
import {parseExit} from '../parse/step-options.js'
import {parseStatus} from '../parse/status.js'
import {parseDuration} from '../duration.js'

// The step with its templated values filled in, or a message saying which value is bad and where.
export function resolveTemplates(step: Step, env: Readonly<Record<string, string | undefined>>, file: string): {step: Step} | {error: string} {
  const templates = step.options.templates
  if (!templates) return {step}
  const options: StepOptions = {...step.options}
  delete options.templates
  for (const [key, written] of Object.entries(templates)) {
    const value = interpolate(written, env).trim()
    const attribute = step.attributes.find((a) => a.key === key)
    const place = attribute ? `${file}:${attribute.span.start.line}:${attribute.span.start.column}: ` : ''
    const problem = value.includes('${') ? 'a variable in it is not set' : validateAgainst('step', {[key]: value}).length > 0 ? `expected ${describeKey('step', key) ?? 'a valid value'}` : undefined
    if (problem) return {error: `${place}\`${key}=${written}\` is \`${value}\`: ${problem}`}
    if (key === 'timeout') options.timeoutMs = parseDuration(value)!
    else if (key === 'delay') options.delayMs = parseDuration(value)!
    else if (key === 'within') options.withinMs = parseDuration(value)!
    else if (key === 'retries') options.retries = Number(value)
    else if (key === 'exit') options.exit = parseExit(value)
    else if (key === 'status') {
      const status = parseStatus(value)
      if (status) options.status = status
    }
  }
  return {step: {...step, options}}
}
