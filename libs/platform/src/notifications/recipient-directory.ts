import { Injectable } from '@nestjs/common';

/**
 * How an account is addressed beyond its own id, its organisation and its roles (which the platform knows): a domain
 * registers, for a recipient type it sends to, SQL that selects the recipient ids of account `$1`
 * (the expert library: `SELECT id::text FROM expert WHERE account_id = $1`). The platform never names a domain table.
 */
@Injectable()
export class RecipientDirectory {
  private readonly lookups = new Map<string, string>();

  register(recipientType: string, sql: string): void {
    if (['account', 'organisation', 'role'].includes(recipientType) || this.lookups.has(recipientType)) throw new Error(`recipient type ${recipientType} is registered twice`);
    this.lookups.set(recipientType, sql);
  }

  entries(): [string, string][] {
    return [...this.lookups];
  }
}
