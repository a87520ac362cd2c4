// `--color` / `--no-color` on the commands that print for people, decided by the one colour rule.
import {decideColor} from '../report/colors.js'
import type {CliIO} from './io.js'

// The parseArgs options both flags need (parseArgs on Node 20 has no negated booleans).
export const colorOptions = {color: {type: 'boolean'}, 'no-color': {type: 'boolean'}} as const

// Whether stdout gets colour for these flags, this environment and this terminal.
export function wantsColor(values: {color?: boolean | undefined; 'no-color'?: boolean | undefined}, io: CliIO): boolean {
  const flag = values['no-color'] ? false : values.color ? true : undefined
  return decideColor({flag, env: io.env, isTTY: io.stdout.isTTY})
}
