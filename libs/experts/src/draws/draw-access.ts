// 专家抽取结果保密: the centre sees the list when the session starts, supervisors the whole record when it ends.
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { DrawStatus } from './draw.types';

export type DrawReadLevel = 'none' | 'summary' | 'members';

const OPEN: readonly DrawStatus[] = ['opened', 'finished'];

export function drawReadLevel(actor: Actor, draw: { domain: string; status: DrawStatus; revealedSeed: string | null }): DrawReadLevel {
  const supervisor = hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, draw.domain as TradingDomain);
  if (hasRole(actor, Role.Centre)) return OPEN.includes(draw.status) && draw.revealedSeed ? 'members' : 'summary';
  if (supervisor) return draw.status === 'finished' ? 'members' : 'summary';
  return 'none';
}
