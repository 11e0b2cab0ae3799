import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/platform/config/app-config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp();
  await app.listen(config.port, config.host);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`配置错误 / configuration error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
