export interface ErrorBody {
  code: string;
  status: number;
  message: { zh: string; en: string };
  details?: Record<string, unknown>;
  requestId?: string;
}
