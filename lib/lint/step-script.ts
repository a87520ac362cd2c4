// The shell text of a step, aligned offset for offset with `step.code`: shell steps as they are,
// console transcripts with prompts and output blanked (only the `$ ` commands remain).
import type {Step} from '../model.js'

// Whether the tool would run this step (skip and manual steps never run).
export function wouldRun(step: Step): boolean {
  return !step.options.skip && !step.options.manual
}

// The shell script of a shell or console step, same length as `step.code`; undefined otherwise.
export function stepScript(step: Step): string | undefined {
  if (step.runner === 'shell') return step.code
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
