import { Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Members } from '../common/access';
import { AppError, ErrorCode } from '../common/errors';
import { PreflightGuard } from '../common/preflight.guard';
import { BrandingService } from './branding.service';
import { MAX_LOGO_BYTES } from './logo';

/**
 * POST /api/branding/logo (multipart, field "file", optional ?schoolId=): a PNG or JPEG in, a
 * re-encoded PNG stored, its id out; setBranding then puts it in use. GET /api/assets/{id}.png
 * shows a logo of the caller's organisation (previews).
 */
@Controller('api')
export class LogoController {
  constructor(private readonly branding: BrandingService) {}

  @Post('branding/logo')
  @HttpCode(201)
  @Members('admin', 'publisher', 'author')
  @UseGuards(PreflightGuard)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 0 } }))
  async upload(@UploadedFile() file: Express.Multer.File | undefined, @Query('schoolId') schoolId?: string): Promise<{ id: string; width: number; height: number; url: string }> {
    if (!file) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Choose a logo to upload: a PNG or JPEG image.', { reason: 'EMPTY' });
    const asset = await this.branding.uploadLogo(file.buffer, schoolId || null);
    return { id: asset.id, width: asset.width, height: asset.height, url: `/api/assets/${asset.id}.png` };
  }

  @Get('assets/:file')
  @Members()
  async asset(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const id = /^([0-9a-f-]{36})\.png$/.exec(file)?.[1];
    if (!id) throw AppError.notFound('Logo');
    const bytes = await this.branding.logoPng(id);
    response.status(200).type('image/png').setHeader('Cache-Control', 'private, max-age=86400, immutable').send(bytes);
  }
}
