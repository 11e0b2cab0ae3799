export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/yangguang';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
