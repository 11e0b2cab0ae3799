import { Module } from '@nestjs/common';

/** The worker's side of catalogue (milestone handlers), filled in by the catalogue work of issue 7. */
@Module({})
export class CatalogueWorkerModule {}
