/**
 * Every member of T named, optional ones too (undefined where absent).
 *
 * Objects on a token call's path after the answer are built member by member with it, rather
 * than by spreading one object into a literal with more members (`{ ...result, diagnosis }`). On
 * a CPU gone cold in the network wait, such a spread costs 15-20 µs and the literal 2-6
 * (measured), and a call made several of them. Naming every member also means a copy cannot
 * drop a member added to the type later: the copy no longer compiles.
 */
export type AllMembers<T> = { [K in keyof Required<T>]: T[K] };
