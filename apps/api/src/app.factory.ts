/** Builds the HTTP app on an initialised runtime connection: used by main.ts and the tests. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { rejectDeepJson } from './common/json-depth.middleware';
import type { AppConfig } from './config/config';
import { runtimeDataSource } from './database/data-sources';

const API_PATHS = /^\/(graphql|health|p|api)(\/|$)/;

export async function createApp(config: AppConfig, runtimeUrl: string, options: { poolSize?: number; logger?: false } = {}): Promise<NestExpressApplication> {
  const dataSource = runtimeDataSource(runtimeUrl, options.poolSize);
  await dataSource.initialize();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.create(config, dataSource, runtimeUrl), {
    bodyParser: false,
    logger: options.logger === false ? false : ['log', 'warn', 'error'],
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'self'"],
          formAction: ["'self'"],
        },
      },
    }),
  );
  app.use(cookieParser());
  // Room for a long policy; the document validator bounds what is inside.
  app.use(express.json({ limit: '10mb' }));
  app.use(rejectDeepJson);
  serveWebApp(app, config.webDist);
  return app;
}

/** The built Vue app, with index.html for any other GET so that client-side routes load. */
function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return;
  // Vite names bundles by content hash, so they never change under the same name.
  app.use('/assets', express.static(join(webDist, 'assets'), { index: false, maxAge: '1y', immutable: true, fallthrough: false }));
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || API_PATHS.test(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
