import { Controller, HttpCode, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { PolicyDocument } from '@ratify/document';
import { ImportError, importPolicy } from '@ratify/importer';
import { Members } from '../common/access';
import { AppError, ErrorCode } from '../common/errors';
import { PreflightGuard } from '../common/preflight.guard';
import { importDocument, importOutline, type ImportOutline } from './import-view';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * POST /api/imports: a Word, Markdown or text file in, the outline and draft document out.
 * Nothing is saved: the person checks the preview, then creates the draft with createPolicy.
 * Same rules as GraphQL: the session cookie, a role that may write, the preflight header.
 */
@Controller('api/imports')
export class ImportController {
  @Post()
  @HttpCode(200)
  @Members('admin', 'author')
  @UseGuards(PreflightGuard)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0 } }))
  async preview(@UploadedFile() file: Express.Multer.File | undefined): Promise<ImportOutline & { document: PolicyDocument }> {
    if (!file) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Choose a file to import: a Word document (.docx), Markdown (.md) or plain text (.txt).');
    try {
      const imported = await importPolicy({ fileName: file.originalname, data: file.buffer });
      return { ...importOutline(imported), document: importDocument(imported) };
    } catch (error) {
      if (error instanceof ImportError) throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, { reason: error.code });
      throw error;
    }
  }
}
