// Every lint rule, imported explicitly and sorted by id (ESLint / markdownlint style).
import type {Rule} from '../types.js'
import {brokenFileReference} from './broken-file-reference.js'
import {dependencyCycle} from './dependency-cycle.js'
import {destructiveWithoutConfirm} from './destructive-without-confirm.js'
import {duplicateStepId} from './duplicate-step-id.js'
import {expectWithoutStepOutput} from './expect-without-step-output.js'
import {insecureHostKeyChecking} from './insecure-host-key-checking.js'
import {invalidAnnotation} from './invalid-annotation.js'
import {invalidDisableComment} from './invalid-disable-comment.js'
import {kubeTargetWithoutContext} from './kube-target-without-context.js'
import {missingLanguage} from './missing-language.js'
import {orphanExpectation} from './orphan-expectation.js'
import {placeholderInCommand} from './placeholder-in-command.js'
import {secretInDocument} from './secret-in-document.js'
import {unannotatedShellBlock} from './unannotated-shell-block.js'
import {undeclaredVariable} from './undeclared-variable.js'
import {unfilledTemplate} from './unfilled-template.js'
import {unknownDependency} from './unknown-dependency.js'
import {unknownTarget} from './unknown-target.js'
import {unreachableStep} from './unreachable-step.js'
import {unrunTestDialect} from './unrun-test-dialect.js'
import {unsafeRegex} from './unsafe-regex.js'

// The rules in id order.
export const rules: readonly Rule[] = [
  brokenFileReference,
  dependencyCycle,
  destructiveWithoutConfirm,
  duplicateStepId,
  expectWithoutStepOutput,
  insecureHostKeyChecking,
  invalidAnnotation,
  invalidDisableComment,
  kubeTargetWithoutContext,
  missingLanguage,
  orphanExpectation,
  placeholderInCommand,
  secretInDocument,
  unannotatedShellBlock,
  undeclaredVariable,
  unfilledTemplate,
  unknownDependency,
  unknownTarget,
  unreachableStep,
  unrunTestDialect,
  unsafeRegex,
]
