import { ArgumentMetadata, HttpException, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { PlatformErrors } from './platform-errors';

function flatten(errors: ValidationError[], parent = ''): { field: string; rule: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The transform step (class-transformer) runs user values through constructors before any validator sees them:
 * `{"startsAt": {"toString": "x"}}` makes `new Date(value)` throw a TypeError. Such input is the caller's fault,
 * so it is a 400 like any other invalid body, never a 5xx.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const nul = pathToNul(value);
    if (nul !== null) throw PlatformErrors.VALIDATION_FAILED({ errors: [{ field: nul || metadata.type, rule: 'noNulCharacter', message: 'text may not contain U+0000' }] });
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof HttpException || e instanceof DomainError) throw e;
      throw PlatformErrors.VALIDATION_FAILED({ errors: [{ field: metadata.data ?? metadata.type, rule: 'transform', message: 'value cannot be converted' }] });
    }
  }
}

/** PostgreSQL text cannot hold U+0000: the path of the first string that contains one, '' for the value itself, or null. */
function pathToNul(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = k.includes('\u0000') ? (path ? `${path}.${k}` : k) : pathToNul(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** whitelist + forbid unknown fields + transform; a money field that fails becomes MONEY_INVALID (422). */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors): DomainError => {
      const flat = flatten(errors);
      if (flat.length > 0 && flat.every((f) => f.rule === 'isYuan')) {
        return PlatformErrors.MONEY_INVALID({ errors: flat });
      }
      return PlatformErrors.VALIDATION_FAILED({ errors: flat });
    },
  });
}
