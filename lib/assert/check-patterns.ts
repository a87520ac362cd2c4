// Authoring errors in an expected text block, found without running anything: invalid or unsafe
// ` (re)` lines. The parser and lint call it so a broken pattern is reported before the run.
import {compileLine} from './line-pattern.js'

// Each broken line of an expected block: its 1-based line within the block and why.
export function checkTextPatterns(body: string): Array<{line: number; message: string}> {
  const problems: Array<{line: number; message: string}> = []
  body.replace(/\r\n/g, '\n').split('\n').forEach((text, i) => {
    const error = compileLine(text.replace(/[ \t]+$/, '')).error
    if (error) problems.push({line: i + 1, message: error})
  })
  return problems
}
