import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { PlatformErrors } from '../errors/platform-errors';

export interface MultipartForm {
  fields: Record<string, string>;
  file: { fieldName: string; filename: string; mimetype: string; buffer: Buffer } | null;
}

/** Reads a multipart form with at most one file into memory; the size limit is the api's @fastify/multipart setting. */
export async function readMultipart(req: FastifyRequest, allowedExtensions?: readonly string[]): Promise<MultipartForm> {
  if (!req.isMultipart()) throw PlatformErrors.UPLOAD_INVALID({ reason: 'send multipart/form-data' });
  const fields: Record<string, string> = {};
  let file: MultipartForm['file'] = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (file) throw PlatformErrors.UPLOAD_INVALID({ reason: 'one file per upload' });
        const extension = (part.filename ?? '').toLowerCase().split('.').pop() ?? '';
        if (allowedExtensions && !allowedExtensions.includes(extension)) {
          await part.toBuffer().catch(() => undefined);
          throw PlatformErrors.UPLOAD_INVALID({ reason: `file type .${extension} is not accepted`, accepted: allowedExtensions });
        }
        file = { fieldName: part.fieldname, filename: part.filename ?? '', mimetype: part.mimetype, buffer: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string })?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw PlatformErrors.UPLOAD_INVALID({ reason: 'file too large' });
    if (typeof code === 'string' && code.startsWith('FST_')) throw PlatformErrors.UPLOAD_INVALID({ reason: 'malformed upload' });
    throw err;
  }
  return { fields, file };
}
