import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig, loadConfig } from '../config/app-config';

/** Paths that must never reach a log line: credentials, tokens and anything sealed. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
  '*.price',
  '*.documents',
  '*.sealed',
];

/**
 * Anonymous reads of the public list answer a thousand requests a second from cached bytes: an info line each would cost
 * more than the answer (issue 19). They log at debug; a refusal or a failure still logs at info as every request does.
 */
const QUIET_READS = new Set(['/public/projects']);
export const isQuietRead = (req: { method?: string; url?: string }) => req.method === 'GET' && QUIET_READS.has((req.url ?? '').split('?', 1)[0]);

export function pinoOptions(config: AppConfig, name: string) {
  return {
    pinoHttp: {
      name,
      ...(config.logFile ? { stream: pino.destination({ dest: config.logFile, sync: true, append: true }) } : {}),
      level: config.logLevel,
      genReqId: (req: { headers: Record<string, unknown> }) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
      },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' || req.url === '/metrics' },
      customLogLevel: (req: { method?: string; url?: string }, res: { statusCode: number }, err?: unknown) => (!err && res.statusCode < 400 && isQuietRead(req) ? 'debug' : 'info'),
    },
  };
}

@Module({
  imports: [LoggerModule.forRootAsync({ useFactory: () => pinoOptions(loadConfig(), 'api') })],
})
export class LoggingModule {}
