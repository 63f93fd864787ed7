/**
 * A value as it is stored: plain JSON, so that an absent optional field (`name: undefined`) is left out instead of
 * coming back as null (the driver writes undefined as null in a Mixed field). For message payloads, which are JSON.
 */
export const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
