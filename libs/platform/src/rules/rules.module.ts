import { Module } from '@nestjs/common';

/** The committee's versioned rule sets per domain. */
@Module({})
export class RulesModule {}
