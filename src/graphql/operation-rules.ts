/**
 * The validation rules every operation runs through, over HTTP and over
 * WebSocket alike, so production safeguards cannot be bypassed by
 * switching transport.
 */
import { NoSchemaIntrospectionCustomRule, specifiedRules, type ValidationRule } from 'graphql';
import { depthLimit } from './depth-limit';

export const MAX_QUERY_DEPTH = 12;

/** Rules on top of graphql-js' own (Apollo adds those itself). */
export function extraValidationRules(isProduction: boolean): ValidationRule[] {
  return [depthLimit(MAX_QUERY_DEPTH), ...(isProduction ? [NoSchemaIntrospectionCustomRule] : [])];
}

export function allValidationRules(isProduction: boolean): ValidationRule[] {
  return [...specifiedRules, ...extraValidationRules(isProduction)];
}
