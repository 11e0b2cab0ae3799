import { ApiProperty } from '@nestjs/swagger';

export class PublishedKeyView {
  @ApiProperty({ description: '密钥编号:原始 32 字节公钥的 SHA-256 指纹(十六进制)/ key id: SHA-256 fingerprint of the raw 32-byte public key (hex)' }) keyId!: string;
  @ApiProperty({ description: '算法 / algorithm', enum: ['Ed25519'] }) alg!: 'Ed25519';
  @ApiProperty({ description: '公钥(SPKI DER,base64)/ public key, SPKI DER in base64' }) publicKey!: string;
  @ApiProperty({ description: '原始公钥(32 字节,base64)/ raw public key, 32 bytes in base64' }) rawPublicKey!: string;
  @ApiProperty({ description: '公钥 PEM / public key as PEM' }) pem!: string;
  @ApiProperty({ description: '生效时间 / valid from' }) validFrom!: string;
  @ApiProperty({ description: '失效时间(当前密钥为空)/ valid to (null for the current key)', nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ description: '状态:active 当前签名, retired 已轮换(其有效期内签发的文件仍有效)/ status', enum: ['active', 'retired'] }) status!: string;
}

export class PublishedKeysView {
  @ApiProperty({ description: '格式 / format', enum: ['yg-audit-keys/1'] }) format!: 'yg-audit-keys/1';
  @ApiProperty({ type: [PublishedKeyView] }) keys!: PublishedKeyView[];
}
