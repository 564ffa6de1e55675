/**
 * Narrowing for tests: a missing value fails the test with a message, where `!` would let it fail later
 * as a TypeError (and noUncheckedIndexedAccess asks for one or the other).
 */

/** The value; fails the test when it is null or undefined. */
export function present<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}, got ${value}`);
  return value;
}

/** The element at `i` (negative: from the end); fails the test when there is none. */
export function at<T>(items: readonly T[], i: number): T {
  const item = items.at(i);
  if (item === undefined) throw new Error(`expected an element at ${i}, the list has ${items.length}`);
  return item;
}

type Tuple<T, N extends number, A extends T[] = []> = A['length'] extends N ? A : Tuple<T, N, [...A, T]>;

/** The list typed with its first `n` elements present, to destructure; fails the test when it has fewer. */
export function take<T, N extends number>(items: readonly T[], n: N): readonly [...Tuple<T, N>, ...T[]] {
  if (items.length < n) throw new Error(`expected at least ${n} elements, the list has ${items.length}`);
  return items as unknown as readonly [...Tuple<T, N>, ...T[]];
}
