import type visitorZhCN from './zh-CN';

type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };
export type VisitorMessages = DeepString<typeof visitorZhCN>;
