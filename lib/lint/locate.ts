// Offsets → `line:column` (1-based): the parser's locator, as a plain function for lint's text scans.
import type {Point} from '../model.js'
import {createLocator} from '../parse/positions.js'

// A function that turns a UTF-16 offset into a Point.
export type Locate = (offset: number) => Point

// Build a locator for `source`.
export function createLocate(source: string): Locate {
  return createLocator(source).point
}
