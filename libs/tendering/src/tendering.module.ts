import { Module } from '@nestjs/common';

/** 建设工程招投标 / engineering tenders */
@Module({})
export class TenderingModule {}
