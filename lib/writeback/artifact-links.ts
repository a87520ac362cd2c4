// The artifact list of a written-back region: one link per file into the evidence (`artifacts=`).
import {safeName} from '../evidence/paths.js'
import type {StepResult} from '../result.js'
import type {RegionOptions} from './output-region.js'
import {inlineText} from './sanitize.js'

// `Artifacts:` and a bullet per file; without --evidence the files are named but not kept.
export function artifactLines(result: StepResult, options: RegionOptions): string[] {
  const files = result.artifacts ?? []
  if (files.length === 0) return ['', `Artifacts: none matched.`]
  const lines = ['', options.evidenceLink === undefined ? 'Artifacts (not kept: run with --evidence DIR to keep them):' : 'Artifacts:']
  for (const file of files) {
    const name = inlineText(options.redactor.redact(file.path))
    const facts = [`${file.size} bytes`]
    if (file.sha256 && !options.stable) facts.push(`sha256 \`${file.sha256.slice(0, 16)}…\``)
    if (options.evidenceLink === undefined) {
      lines.push(`- ${name} · ${facts.join(' · ')}`)
      continue
    }
    // The link to the evidence folder is `/`-separated (`../evidence`): each part is encoded on its own.
    const href = [...options.evidenceLink.split('/'), 'steps', safeName(result.id), 'artifacts', ...file.path.split('/')]
      .filter((part) => part !== '' && part !== '.')
      .map((part) => (part === '..' ? part : encodeURIComponent(part)))
      .join('/')
    lines.push(`- [${name}](${href}) · ${facts.join(' · ')}`)
  }
  return lines
}
