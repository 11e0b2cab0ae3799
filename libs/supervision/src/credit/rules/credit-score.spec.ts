import { CARD_POINTS, creditScore, ratingPoints } from './credit-score';

describe('credit score', () => {
  it('starts at 100 with nothing on record', () => {
    expect(creditScore(0, null, 0)).toBe(100);
  });

  it('takes off the ledger points and stays within 0–100', () => {
    expect(creditScore(CARD_POINTS.yellow + CARD_POINTS.red, null, 0)).toBe(93);
    expect(creditScore(-30, null, 0)).toBe(70);
    expect(creditScore(-250, null, 0)).toBe(0);
    expect(creditScore(15, null, 0)).toBe(100);
  });

  it('adds (mean rating − 3) × 5 within ±10, only when there are ratings', () => {
    expect(ratingPoints(5, 4)).toBe(10);
    expect(ratingPoints(1, 2)).toBe(-10);
    expect(ratingPoints(3, 9)).toBe(0);
    expect(ratingPoints(3.5, 2)).toBe(3); // 2.5 rounds away from zero
    expect(ratingPoints(2.5, 2)).toBe(-3);
    expect(ratingPoints(4.33, 3)).toBe(7);
    expect(ratingPoints(5, 0)).toBe(0);
    expect(ratingPoints(null, 3)).toBe(0);
    expect(creditScore(-20, 1, 1)).toBe(70);
    expect(creditScore(-4, 5, 10)).toBe(100); // ratings lift, never above 100
  });
});
