import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/access';

/** GET /health: 200 when the database answers, 503 when it does not. */
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async check(@Res() response: Response): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      response.status(HttpStatus.OK).json({ status: 'ok', database: 'up' });
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'unavailable', database: 'down' });
    }
  }
}
