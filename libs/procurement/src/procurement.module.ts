import { Module } from '@nestjs/common';

/** 政府采购电子卖场 / government procurement e-mall */
@Module({})
export class ProcurementModule {}
