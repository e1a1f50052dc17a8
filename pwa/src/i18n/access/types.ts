import type accessZhCN from './zh-CN';

type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };
export type AccessMessages = DeepString<typeof accessZhCN>;
