import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** Applies every pending migration of every lib, each in its own transaction. */
export async function migrate(databaseUrl = loadConfig().databaseUrl): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, { migrationsTransactionMode: 'each', logging: ['error'] }));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate()
    .then((names) => {
      console.log(names.length ? `migrations applied: ${names.join(', ')}` : 'migrations: up to date');
    })
    .catch((err) => {
      console.error(`migration failed: ${err.message}`);
      process.exit(1);
    });
}
