import { Period } from '../../calendar/period';

export const d = (value: number): Period => ({ value, unit: 'd' });
export const wd = (value: number): Period => ({ value, unit: 'wd' });
export const h = (value: number): Period => ({ value, unit: 'h' });
export const min = (value: number): Period => ({ value, unit: 'min' });
