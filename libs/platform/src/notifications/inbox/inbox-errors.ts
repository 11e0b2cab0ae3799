import { defineErrors } from '../../errors/domain-error';

export const InboxErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { status: 404, zh: '通知不存在', en: 'Notification not found' },
});
