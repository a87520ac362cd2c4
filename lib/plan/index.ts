// Renderings of the step graph: text, json, mermaid, dot.
import type {Plan} from '../graph.js'
import {renderDot} from './dot.js'
import {renderJson} from './json.js'
import {renderMermaid} from './mermaid.js'
import {renderText} from './text.js'

// The formats `runbook plan --format` accepts.
export const planFormats = ['text', 'json', 'mermaid', 'dot'] as const
// One of planFormats.
export type PlanFormat = (typeof planFormats)[number]

// Render the plan in one of the formats.
export function renderPlan(plan: Plan, format: PlanFormat): string {
  switch (format) {
    case 'json':
      return renderJson(plan)
    case 'mermaid':
      return renderMermaid(plan)
    case 'dot':
      return renderDot(plan)
    default:
      return renderText(plan)
  }
}

export {nodeFlags} from './flags.js'
export {alignRows} from './text.js'
