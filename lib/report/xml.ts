// Minimal XML writing for the JUnit reporter: escaping and elements, nothing a library would add.
import {sanitizeOutput} from './sanitize.js'

// Text content: only characters XML 1.0 allows, with `&`, `<`, `>` escaped.
export function xmlText(text: string): string {
  return sanitizeOutput(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

// An attribute value: like text, plus quotes, and tabs/newlines kept as character references.
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
}

// `<name a="1">` with attributes in the given order; undefined values are left out.
export function openTag(name: string, attributes: Record<string, string | number | undefined>, selfClosing = false): string {
  const parts = [name]
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) parts.push(`${key}="${xmlAttribute(String(value))}"`)
  return `<${parts.join(' ')}${selfClosing ? '/>' : '>'}`
}

// `<name …>text</name>`.
export function element(name: string, attributes: Record<string, string | number | undefined>, text: string): string {
  return `${openTag(name, attributes)}${xmlText(text)}</${name}>`
}
