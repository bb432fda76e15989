/** Symbols Excel formats write, by ISO 4217 code (what the model and `Intl.NumberFormat` take). */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  EUR: '€',
  USD: '$',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  KRW: '₩',
  RUB: '₽',
  BRL: 'R$',
  PLN: 'zł',
  CHF: 'CHF',
};
