/** Crockford's base32: no I, L, O, U, so the text survives handwriting. */
export const BASE32_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
