/** Yuan: the bench lot's start price and fixed increment (1,000,000.00 and 100.00). */
export const LIVE_LOT_START_YUAN = 1_000_000;
export const LIVE_LOT_STEP_YUAN = 100;
