// Formatters by name: plain functions from findings to text (ESLint style).
import type {LintMessage} from '../types.js'
import {codequality} from './codequality.js'
import {github} from './github.js'
import {json} from './json.js'
import {junit} from './junit.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'

// What every formatter receives.
export interface FormatInput {
  messages: LintMessage[]
  cwd: string
  color: boolean
  version: string
}

// The formatters lint offers with `--format`.
export const formatters = {stylish, json, github, sarif, junit, codequality} as const

// A formatter's name.
export type FormatName = keyof typeof formatters
