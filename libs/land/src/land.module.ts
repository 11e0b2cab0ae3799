import { Module } from '@nestjs/common';

/** 国有建设用地使用权出让 / state land-use rights */
@Module({})
export class LandModule {}
