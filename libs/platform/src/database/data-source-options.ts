import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Every lib keeps its migrations in `src/migrations`; the compiled ones are found under dist. */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', '*', 'src', 'migrations', '*.js');

export function dataSourceOptions(databaseUrl: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migration',
    migrations: [MIGRATIONS_GLOB],
    // A dead client's transaction (a killed worker's) is rolled back within a second, releasing its row locks.
    extra: { max: 20, connectionTimeoutMillis: 5000, application_name: 'yangguang', options: '-c client_connection_check_interval=1000' },
    ...extra,
  } as DataSourceOptions;
}
