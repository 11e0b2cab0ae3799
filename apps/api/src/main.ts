import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/platform/config/app-config';
import { createApiApp, listenApi } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp();
  await listenApi(app, config);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`配置错误 / configuration error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
