import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { PlatformErrors } from './platform-errors';

function flatten(errors: ValidationError[], parent = ''): { field: string; rule: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** whitelist + forbid unknown fields + transform; a money field that fails becomes MONEY_INVALID (422). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
