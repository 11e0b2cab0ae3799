import { Module } from '@nestjs/common';

/** Filled in by the catalogue work of issue 7. */
@Module({})
export class CatalogueModule {}
