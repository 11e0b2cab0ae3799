import { ConfigError } from '@app/platform/config/app-config';

export const OCDS_CONFIG = Symbol('OCDS_CONFIG');

export interface OcdsConfig {
  /** `ocds-` + 6 characters, assigned by the OCDS helpdesk; the default is a placeholder until one is registered */
  ocidPrefix: string;
  /** absolute base of the public API, for package URIs and page links */
  publicBaseUrl: string;
  publisherName: string;
  license: string;
  publicationPolicy: string;
}

/** Reads the OCDS_* variables beside the platform's config (docs/open-data-ocds.md); throws a one-line ConfigError. */
export function loadOcdsConfig(env: Record<string, string | undefined> = process.env): OcdsConfig {
  const ocidPrefix = env.OCDS_OCID_PREFIX || 'ocds-yg0000';
  if (!/^ocds-[a-z0-9]{6}$/.test(ocidPrefix)) throw new ConfigError(`OCDS_OCID_PREFIX must look like ocds-abc123, got "${ocidPrefix}" (配置 OCDS_OCID_PREFIX 无效)`);
  const base = (env.PUBLIC_BASE_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL is not a URL: "${base}" (配置 PUBLIC_BASE_URL 不是有效地址)`);
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) throw new ConfigError(`PUBLIC_BASE_URL must use http: or https: (配置 PUBLIC_BASE_URL 协议无效)`);
  return {
    ocidPrefix,
    publicBaseUrl: base,
    publisherName: env.OCDS_PUBLISHER_NAME || '阳光交易 公共资源交易中心 / Sunshine Trading public resource trading centre',
    license: env.OCDS_LICENSE || 'https://creativecommons.org/licenses/by/4.0/',
    publicationPolicy: env.OCDS_PUBLICATION_POLICY || `${base}/public/ocds/publication-policy`,
  };
}
