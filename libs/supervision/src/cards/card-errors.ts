import { defineErrors } from '@app/platform/errors/domain-error';

export const CardErrors = defineErrors({
  CARDS_NOT_IN_SCOPE: { status: 403, zh: '无权查看该范围的红黄牌', en: 'These cards are outside what you may see' },
});
