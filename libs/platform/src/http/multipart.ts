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

export interface MultipartFiles {
  fields: Record<string, string>;
  files: { fieldName: string; filename: string; mimetype: string; buffer: Buffer }[];
}

/**
 * Reads a multipart form with up to `maxFiles` files (each at most `maxFileBytes`, of the listed types) into memory,
 * for forms that carry several attachments (a complaint's evidence). Every refusal is UPLOAD_INVALID.
 */
export async function readMultipartFiles(req: FastifyRequest, o: { allowedExtensions: readonly string[]; maxFiles: number; maxFileBytes: number }): Promise<MultipartFiles> {
  if (!req.isMultipart()) throw PlatformErrors.UPLOAD_INVALID({ reason: 'send multipart/form-data' });
  const fields: Record<string, string> = {};
  const files: MultipartFiles['files'] = [];
  try {
    for await (const part of req.parts({ limits: { files: o.maxFiles, fileSize: o.maxFileBytes } })) {
      if (part.type === 'file') {
        const extension = (part.filename ?? '').toLowerCase().split('.').pop() ?? '';
        if (!o.allowedExtensions.includes(extension)) {
          await part.toBuffer().catch(() => undefined);
          throw PlatformErrors.UPLOAD_INVALID({ reason: `file type .${extension} is not accepted`, accepted: o.allowedExtensions });
        }
        const buffer = await part.toBuffer();
        if (buffer.length === 0) throw PlatformErrors.UPLOAD_INVALID({ reason: `file ${part.filename} is empty` });
        files.push({ fieldName: part.fieldname, filename: part.filename ?? '', mimetype: part.mimetype, buffer });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string })?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw PlatformErrors.UPLOAD_INVALID({ reason: 'file too large', maxFileBytes: o.maxFileBytes });
    if (code === 'FST_FILES_LIMIT') throw PlatformErrors.UPLOAD_INVALID({ reason: 'too many files', maxFiles: o.maxFiles });
    if (typeof code === 'string' && code.startsWith('FST_')) throw PlatformErrors.UPLOAD_INVALID({ reason: 'malformed upload' });
    throw err;
  }
  return { fields, files };
}
