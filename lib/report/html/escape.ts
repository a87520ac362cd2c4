// HTML escaping: every text the report shows goes through here (after redaction and sanitising).
import {sanitizeOutput} from '../sanitize.js'

// Text for element content or a quoted attribute: `& < > " '` escaped, control characters removed.
export function escapeHtml(text: string): string {
  return sanitizeOutput(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

// A relative link target: each path segment percent-encoded, so no file name can break out of the attribute
// or become a scheme (`javascript:`); absolute and external targets are refused.
export function relativeHref(target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/') || target.startsWith('\\')) return undefined
  return target.split(/[\\/]/).map((part) => encodeURIComponent(part)).join('/')
}
