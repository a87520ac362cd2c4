// The shell text of a step, aligned offset for offset with `step.code`: shell steps as they are,
// console transcripts with prompts and output blanked (only the `$ ` commands remain).
import type {Step} from '../model.js'
import {classifyPromptLines} from '../parse/prompts.js'

// Whether the tool would run this step (skip and manual steps never run).
export function wouldRun(step: Step): boolean {
  return !step.options.skip && !step.options.manual
}

// The shell script of a shell or console step, same length as `step.code`; undefined otherwise.
export function stepScript(step: Step): string | undefined {
  if (step.runner === 'shell') return step.script === undefined ? step.code : blankPrompts(step.code)
  if (step.runner !== 'console') return undefined
  let inCommand = false
  return step.code
    .split('\n')
    .map((line) => {
      const prompt = /^(\s*)\$ /.exec(line)
      if (prompt) {
        inCommand = true
        return ' '.repeat(prompt[0].length) + line.slice(prompt[0].length)
      }
      const more = /^(\s*)> /.exec(line)
      if (inCommand && more) return ' '.repeat(more[0].length) + line.slice(more[0].length)
      inCommand = false
      return line.replace(/[^\n]/g, ' ')
    })
    .join('\n')
}

// A prompted shell block with its prompts and pasted output blanked, offsets kept.
function blankPrompts(code: string): string {
  const written = code.split('\n')
  return classifyPromptLines(code)
    .map((line, index) => {
      const original = written[index]!
      if (line.kind === 'output') return original.replace(/[^\r]/g, ' ')
      const cut = original.replace(/\r$/, '').length - line.text.length
      return ' '.repeat(cut) + original.slice(cut)
    })
    .join('\n')
}
