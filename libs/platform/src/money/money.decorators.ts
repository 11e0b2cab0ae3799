import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { Money } from './money';

/** class-validator rule: a decimal yuan string with at most 2 decimals, non-negative. */
export function IsYuan(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYuan',
      validator: {
        validate: (value) => Money.isYuan(value),
        defaultMessage: () => '$property must be an amount in yuan with at most 2 decimals, e.g. "1234.56" (金额须为元,最多两位小数)',
      },
    },
    options,
  );
}

/** A money field of a DTO: validated as yuan and documented for OpenAPI. */
export function YuanField(description: string, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsYuan(),
    ApiProperty({ type: String, example: '1234.56', pattern: '^(0|[1-9]\\d{0,15})(\\.\\d{1,2})?$', description, ...options } as ApiPropertyOptions),
  );
}
