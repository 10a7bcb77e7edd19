/**
 * PDFs are rendered off the request path and off the event loop: in a small pool of worker
 * threads (piscina) running libs/pdf's render worker. Each render has a time limit; a render
 * that passes it is stopped (its thread is terminated) and reported, so one pathological
 * document cannot hold up the others.
 */
import { availableParallelism } from 'node:os';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { PolicyRendition } from '@ratify/pdf';
import Piscina from 'piscina';
import { APP_CONFIG, type AppConfig } from '../config/config';


export class RenderTimeoutError extends Error {}

@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private pool: Piscina | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Started on first use; the worker is libs/pdf's compiled one (built with the lib, as `npm start` and the tests do). */
  private workers(): Piscina {
    this.pool ??= new Piscina({
      filename: require.resolve('@ratify/pdf/dist/render-worker.js'),
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
      idleTimeout: 60_000,
    });
    return this.pool;
  }

  async render(rendition: PolicyRendition): Promise<Buffer> {
    const signal = AbortSignal.timeout(this.config.renderTimeoutMs);
    try {
      const bytes: Uint8Array = await this.workers().run(rendition, { signal });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (signal.aborted) throw new RenderTimeoutError(`Rendering "${rendition.title}" took longer than ${this.config.renderTimeoutMs} ms and was stopped.`);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
  }
}
