import type { FastifyRequest } from 'fastify';
import { DomainError } from '@app/platform/errors/domain-error';
import { readMultipart } from '@app/platform/http/multipart';
import { ExpertErrors } from '../expert-errors';
import { UploadedFile } from './expert-import.service';

/** The one file of an import upload; a refused upload is an import refusal, with the same reason. */
export async function readUpload(req: FastifyRequest): Promise<UploadedFile> {
  try {
    const form = await readMultipart(req);
    if (!form.file) throw ExpertErrors.IMPORT_FILE_INVALID({ reason: 'no file in the upload' });
    return { filename: form.file.filename, buffer: form.file.buffer };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'UPLOAD_INVALID') throw ExpertErrors.IMPORT_FILE_INVALID(err.details);
    throw err;
  }
}
