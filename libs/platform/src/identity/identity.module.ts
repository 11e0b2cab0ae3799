import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountRole } from './entities/account-role.entity';
import { Account } from './entities/account.entity';
import { Organisation } from './entities/organisation.entity';

/** Organisations, accounts, login and role grants (一号申请). */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation, Account, AccountRole])],
})
export class IdentityModule {}
