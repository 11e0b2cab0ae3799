import { ValueTransformer } from 'typeorm';

/** bigint columns come back from node-postgres as strings; entities hold them as bigint. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
