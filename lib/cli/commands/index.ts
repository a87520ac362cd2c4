// The commands, in the order `runbook --help` lists them.
import type {Command} from '../io.js'
import {run} from './run.js'
import {lint} from './lint.js'
import {list} from './list.js'
import {plan} from './plan.js'

export const commands: Command[] = [run, lint, list, plan]
