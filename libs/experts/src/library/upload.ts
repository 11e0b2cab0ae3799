import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { ExpertErrors } from '../expert-errors';
import { UploadedFile } from './expert-import.service';

/** The one file of a multipart upload, read into memory (the size limit is @fastify/multipart's, set by the api). */
export async function readUpload(req: FastifyRequest): Promise<UploadedFile> {
  if (!req.isMultipart()) throw ExpertErrors.IMPORT_FILE_INVALID({ reason: 'send the file as multipart/form-data' });
  let part;
  try {
    part = await req.file();
    if (!part) throw ExpertErrors.IMPORT_FILE_INVALID({ reason: 'no file in the upload' });
    return { filename: part.filename ?? '', buffer: await part.toBuffer() };
  } catch (err) {
    const code = (err as { code?: string })?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw ExpertErrors.IMPORT_FILE_INVALID({ reason: 'file too large' });
    if (typeof code === 'string' && code.startsWith('FST_')) throw ExpertErrors.IMPORT_FILE_INVALID({ reason: 'malformed upload' });
    throw err;
  }
}
