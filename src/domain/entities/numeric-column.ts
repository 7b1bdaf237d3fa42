/**
 * A `numeric(p, s)` column kept as a decimal string in JS. MikroORM's own
 * DecimalType compares values as rounded floats when detecting changes; this
 * one compares exactly, so no digit is ever lost or silently ignored.
 */
import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import { sameDecimal } from '../fixed-point';

class NumericString extends Type<string | null, string | null> {
  override convertToJSValue(value: string | null): string | null {
    return value === null || value === undefined ? null : String(value);
  }

  override compareValues(a: string | null, b: string | null): boolean {
    if (a === null || b === null || a === undefined || b === undefined) return a === b;
    return sameDecimal(String(a), String(b));
  }

  override getColumnType(prop: EntityProperty, platform: Platform): string {
    return platform.getDecimalTypeDeclarationSQL(prop);
  }

  override compareAsType(): string {
    return 'string';
  }
}

/** Property options for a numeric column: `@Property(numeric(15, 4))`. */
export function numeric(precision: number, scale: number, extra: { nullable?: boolean; default?: string } = {}) {
  return {
    type: NumericString,
    precision,
    scale,
    nullable: extra.nullable ?? false,
    ...(extra.default !== undefined ? { default: extra.default } : {}),
  };
}
